CREATE TABLE `member_events` (
	`id` text PRIMARY KEY NOT NULL,
	`program_id` text NOT NULL,
	`member_id` text NOT NULL,
	`kind` text NOT NULL,
	`name` text,
	`event_ref` text NOT NULL,
	`version_id` text NOT NULL,
	`occurred_at` text NOT NULL,
	`local_date` text NOT NULL,
	`points` integer DEFAULT 0 NOT NULL,
	`earn_transaction_id` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`program_id`) REFERENCES `programs`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`member_id`) REFERENCES `members`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`version_id`) REFERENCES `program_versions`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `member_events_ref` ON `member_events` (`program_id`,`event_ref`);--> statement-breakpoint
CREATE INDEX `member_events_member` ON `member_events` (`member_id`,`occurred_at`);--> statement-breakpoint
CREATE TABLE `purchase_lines` (
	`purchase_id` text NOT NULL,
	`line_ref` text NOT NULL,
	`sku` text NOT NULL,
	`category` text,
	`brand` text,
	`quantity` real NOT NULL,
	`price` real NOT NULL,
	`is_on_sale` integer,
	PRIMARY KEY(`purchase_id`, `line_ref`),
	FOREIGN KEY (`purchase_id`) REFERENCES `purchases`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "purchase_lines_quantity" CHECK("purchase_lines"."quantity" > 0)
);
--> statement-breakpoint
CREATE TABLE `purchase_return_lines` (
	`return_id` text NOT NULL,
	`purchase_id` text NOT NULL,
	`line_ref` text NOT NULL,
	`quantity` real NOT NULL,
	`points` integer NOT NULL,
	PRIMARY KEY(`return_id`, `line_ref`),
	FOREIGN KEY (`return_id`) REFERENCES `purchase_returns`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`purchase_id`) REFERENCES `purchases`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `purchase_return_lines_line` ON `purchase_return_lines` (`purchase_id`,`line_ref`);--> statement-breakpoint
CREATE TABLE `purchase_returns` (
	`id` text PRIMARY KEY NOT NULL,
	`program_id` text NOT NULL,
	`purchase_id` text NOT NULL,
	`store_id` text NOT NULL,
	`return_ref` text NOT NULL,
	`member_id` text,
	`version_id` text,
	`occurred_at` text NOT NULL,
	`local_date` text NOT NULL,
	`amount` real NOT NULL,
	`points` integer DEFAULT 0 NOT NULL,
	`reverse_transaction_id` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`program_id`) REFERENCES `programs`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`purchase_id`) REFERENCES `purchases`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`member_id`) REFERENCES `members`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`version_id`) REFERENCES `program_versions`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `purchase_returns_ref` ON `purchase_returns` (`program_id`,`store_id`,`return_ref`);--> statement-breakpoint
CREATE INDEX `purchase_returns_purchase` ON `purchase_returns` (`purchase_id`);--> statement-breakpoint
CREATE INDEX `purchase_returns_member` ON `purchase_returns` (`member_id`,`local_date`);--> statement-breakpoint
CREATE TABLE `purchases` (
	`id` text PRIMARY KEY NOT NULL,
	`program_id` text NOT NULL,
	`store_id` text NOT NULL,
	`register_id` text NOT NULL,
	`receipt_number` text NOT NULL,
	`member_id` text,
	`version_id` text,
	`channel` text NOT NULL,
	`payment_method` text,
	`occurred_at` text NOT NULL,
	`local_date` text NOT NULL,
	`total` real NOT NULL,
	`item_count` real NOT NULL,
	`points` integer DEFAULT 0 NOT NULL,
	`earn_transaction_id` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`program_id`) REFERENCES `programs`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`member_id`) REFERENCES `members`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`version_id`) REFERENCES `program_versions`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `purchases_receipt` ON `purchases` (`program_id`,`store_id`,`register_id`,`receipt_number`);--> statement-breakpoint
CREATE INDEX `purchases_member` ON `purchases` (`member_id`,`occurred_at`);--> statement-breakpoint
CREATE INDEX `purchases_member_local_date` ON `purchases` (`member_id`,`local_date`);--> statement-breakpoint
CREATE TABLE `rule_awards` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`program_id` text NOT NULL,
	`member_id` text NOT NULL,
	`version_id` text NOT NULL,
	`source_kind` text NOT NULL,
	`source_id` text NOT NULL,
	`purchase_id` text,
	`line_ref` text,
	`rule_id` text NOT NULL,
	`points` integer NOT NULL,
	`day` text NOT NULL,
	`week` text NOT NULL,
	`month` text NOT NULL,
	`occurred_at` text NOT NULL,
	FOREIGN KEY (`program_id`) REFERENCES `programs`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`member_id`) REFERENCES `members`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`version_id`) REFERENCES `program_versions`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `rule_awards_member_rule` ON `rule_awards` (`member_id`,`rule_id`);--> statement-breakpoint
CREATE INDEX `rule_awards_member_day` ON `rule_awards` (`member_id`,`day`);--> statement-breakpoint
CREATE INDEX `rule_awards_purchase` ON `rule_awards` (`purchase_id`,`line_ref`);--> statement-breakpoint
CREATE TABLE `rule_campaign_totals` (
	`program_id` text NOT NULL,
	`rule_id` text NOT NULL,
	`points` integer DEFAULT 0 NOT NULL,
	PRIMARY KEY(`program_id`, `rule_id`),
	FOREIGN KEY (`program_id`) REFERENCES `programs`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `reward_redemptions` (
	`id` text PRIMARY KEY NOT NULL,
	`program_id` text NOT NULL,
	`member_id` text NOT NULL,
	`reward_id` text NOT NULL,
	`reward_name` text NOT NULL,
	`version_id` text NOT NULL,
	`store_id` text NOT NULL,
	`points` integer NOT NULL,
	`basket_total` real,
	`status` text NOT NULL,
	`ledger_transaction_id` text NOT NULL,
	`code` text,
	`hold_expires_at` text,
	`valid_until` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`resolved_at` text,
	FOREIGN KEY (`program_id`) REFERENCES `programs`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`member_id`) REFERENCES `members`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`version_id`) REFERENCES `program_versions`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `reward_redemptions_member` ON `reward_redemptions` (`member_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `reward_redemptions_status_hold` ON `reward_redemptions` (`status`,`hold_expires_at`);--> statement-breakpoint
CREATE TABLE `reward_stock` (
	`program_id` text NOT NULL,
	`reward_id` text NOT NULL,
	`total` integer NOT NULL,
	`remaining` integer NOT NULL,
	PRIMARY KEY(`program_id`, `reward_id`),
	FOREIGN KEY (`program_id`) REFERENCES `programs`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "reward_stock_remaining_nonnegative" CHECK("reward_stock"."remaining" >= 0)
);
--> statement-breakpoint
CREATE TABLE `idempotency_keys` (
	`scope` text NOT NULL,
	`key` text NOT NULL,
	`request_hash` text NOT NULL,
	`state` text NOT NULL,
	`status` integer,
	`content_type` text,
	`body` text,
	`created_at` text NOT NULL,
	`completed_at` text,
	PRIMARY KEY(`scope`, `key`)
);
--> statement-breakpoint
CREATE INDEX `idempotency_keys_created` ON `idempotency_keys` (`created_at`);--> statement-breakpoint
CREATE TABLE `member_tokens` (
	`id` text PRIMARY KEY NOT NULL,
	`prefix` text NOT NULL,
	`digest` text NOT NULL,
	`program_id` text NOT NULL,
	`member_id` text NOT NULL,
	`issued_by_key_id` text NOT NULL,
	`created_at` text NOT NULL,
	`expires_at` text NOT NULL,
	`last_used_at` text,
	`revoked_at` text,
	FOREIGN KEY (`program_id`) REFERENCES `programs`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`member_id`) REFERENCES `members`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `member_tokens_prefix_unique` ON `member_tokens` (`prefix`);--> statement-breakpoint
CREATE INDEX `member_tokens_member` ON `member_tokens` (`member_id`);