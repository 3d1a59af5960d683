CREATE TABLE `member_tier_history` (
	`id` text PRIMARY KEY NOT NULL,
	`member_id` text NOT NULL,
	`from_tier_id` text,
	`to_tier_id` text NOT NULL,
	`reason` text NOT NULL,
	`at` text NOT NULL,
	FOREIGN KEY (`member_id`) REFERENCES `members`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `member_tier_history_member` ON `member_tier_history` (`member_id`,`at`);--> statement-breakpoint
CREATE TABLE `members` (
	`id` text PRIMARY KEY NOT NULL,
	`program_id` text NOT NULL,
	`card_number` text,
	`email` text,
	`phone` text,
	`first_name` text,
	`birth_date` text,
	`locale` text,
	`status` text DEFAULT 'active' NOT NULL,
	`merged_into` text,
	`joined_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`attributes` text DEFAULT '{}' NOT NULL,
	`consents` text DEFAULT '{}' NOT NULL,
	`current_tier_id` text,
	`tier_since` text,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`program_id`) REFERENCES `programs`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`merged_into`) REFERENCES `members`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "members_merged_has_target" CHECK(("members"."status" = 'merged') = ("members"."merged_into" is not null))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `members_program_card` ON `members` (`program_id`,`card_number`);--> statement-breakpoint
CREATE UNIQUE INDEX `members_program_email` ON `members` (`program_id`,`email`);--> statement-breakpoint
CREATE UNIQUE INDEX `members_program_phone` ON `members` (`program_id`,`phone`);--> statement-breakpoint
CREATE INDEX `members_merged_into` ON `members` (`merged_into`);--> statement-breakpoint
CREATE TABLE `ledger_accounts` (
	`id` text PRIMARY KEY NOT NULL,
	`program_id` text NOT NULL,
	`member_id` text,
	`kind` text NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`program_id`) REFERENCES `programs`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`member_id`) REFERENCES `members`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "ledger_accounts_owner" CHECK(("ledger_accounts"."kind" like 'member-%') = ("ledger_accounts"."member_id" is not null))
);
--> statement-breakpoint
CREATE INDEX `ledger_accounts_member` ON `ledger_accounts` (`member_id`);--> statement-breakpoint
CREATE TABLE `ledger_balances` (
	`member_id` text PRIMARY KEY NOT NULL,
	`program_id` text NOT NULL,
	`available` integer DEFAULT 0 NOT NULL,
	`pending` integer DEFAULT 0 NOT NULL,
	`reserved` integer DEFAULT 0 NOT NULL,
	`lifetime_earned` integer DEFAULT 0 NOT NULL,
	`lifetime_redeemed` integer DEFAULT 0 NOT NULL,
	`lifetime_expired` integer DEFAULT 0 NOT NULL,
	`last_activity_at` text,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`member_id`) REFERENCES `members`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`program_id`) REFERENCES `programs`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "ledger_balances_available_nonnegative" CHECK("ledger_balances"."available" >= 0),
	CONSTRAINT "ledger_balances_pending_nonnegative" CHECK("ledger_balances"."pending" >= 0),
	CONSTRAINT "ledger_balances_reserved_nonnegative" CHECK("ledger_balances"."reserved" >= 0)
);
--> statement-breakpoint
CREATE TABLE `ledger_lots` (
	`id` text PRIMARY KEY NOT NULL,
	`program_id` text NOT NULL,
	`member_id` text NOT NULL,
	`origin_transaction_id` text NOT NULL,
	`merged_from_lot_id` text,
	`points` integer NOT NULL,
	`remaining` integer NOT NULL,
	`status` text NOT NULL,
	`earned_at` text NOT NULL,
	`available_at` text NOT NULL,
	`expires_at` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`program_id`) REFERENCES `programs`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`member_id`) REFERENCES `members`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`origin_transaction_id`) REFERENCES `ledger_transactions`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "ledger_lots_remaining" CHECK("ledger_lots"."remaining" >= 0 and "ledger_lots"."remaining" <= "ledger_lots"."points")
);
--> statement-breakpoint
CREATE INDEX `ledger_lots_member_status` ON `ledger_lots` (`member_id`,`status`);--> statement-breakpoint
CREATE INDEX `ledger_lots_status_available` ON `ledger_lots` (`status`,`available_at`);--> statement-breakpoint
CREATE UNIQUE INDEX `ledger_lots_merged_from` ON `ledger_lots` (`merged_from_lot_id`);--> statement-breakpoint
CREATE TABLE `ledger_postings` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`transaction_id` text NOT NULL,
	`account_id` text NOT NULL,
	`amount` integer NOT NULL,
	`lot_id` text,
	FOREIGN KEY (`transaction_id`) REFERENCES `ledger_transactions`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`account_id`) REFERENCES `ledger_accounts`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`lot_id`) REFERENCES `ledger_lots`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "ledger_postings_nonzero" CHECK("ledger_postings"."amount" <> 0)
);
--> statement-breakpoint
CREATE INDEX `ledger_postings_transaction` ON `ledger_postings` (`transaction_id`);--> statement-breakpoint
CREATE INDEX `ledger_postings_account` ON `ledger_postings` (`account_id`);--> statement-breakpoint
CREATE TABLE `ledger_reservations` (
	`id` text PRIMARY KEY NOT NULL,
	`program_id` text NOT NULL,
	`member_id` text NOT NULL,
	`points` integer NOT NULL,
	`status` text NOT NULL,
	`expires_at` text NOT NULL,
	`resolved_by_transaction_id` text,
	FOREIGN KEY (`id`) REFERENCES `ledger_transactions`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`program_id`) REFERENCES `programs`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`member_id`) REFERENCES `members`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`resolved_by_transaction_id`) REFERENCES `ledger_transactions`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `ledger_reservations_status_expires` ON `ledger_reservations` (`status`,`expires_at`);--> statement-breakpoint
CREATE TABLE `ledger_transactions` (
	`id` text PRIMARY KEY NOT NULL,
	`kind` text NOT NULL,
	`program_id` text NOT NULL,
	`member_id` text NOT NULL,
	`program_version_id` text,
	`source_ref` text,
	`related_transaction_id` text,
	`counterparty_member_id` text,
	`actor` text,
	`reason` text,
	`request_hash` text NOT NULL,
	`occurred_at` text NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`metadata` text DEFAULT '{}' NOT NULL,
	FOREIGN KEY (`program_id`) REFERENCES `programs`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`member_id`) REFERENCES `members`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`program_version_id`) REFERENCES `program_versions`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`counterparty_member_id`) REFERENCES `members`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `ledger_transactions_member` ON `ledger_transactions` (`member_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `ledger_transactions_related` ON `ledger_transactions` (`related_transaction_id`);--> statement-breakpoint
CREATE INDEX `ledger_transactions_counterparty` ON `ledger_transactions` (`counterparty_member_id`);--> statement-breakpoint
CREATE TABLE `outbox` (
	`id` text PRIMARY KEY NOT NULL,
	`type` text NOT NULL,
	`program_id` text,
	`member_id` text,
	`payload` text NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`published_at` text,
	FOREIGN KEY (`program_id`) REFERENCES `programs`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`member_id`) REFERENCES `members`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `outbox_unpublished` ON `outbox` (`published_at`,`created_at`);