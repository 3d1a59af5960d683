-- Projections updated on every purchase, stored in their primary key's order (WITHOUT ROWID): one
-- b-tree per table instead of a rowid table plus a key index, so an update finds and dirties one
-- page, and a member's rule totals sit together.
CREATE TABLE `__new_rule_member_totals` (
	`member_id` text NOT NULL,
	`rule_id` text NOT NULL,
	`points` integer DEFAULT 0 NOT NULL,
	`times` integer DEFAULT 0 NOT NULL,
	PRIMARY KEY(`member_id`, `rule_id`),
	FOREIGN KEY (`member_id`) REFERENCES `members`(`id`) ON UPDATE no action ON DELETE no action
) WITHOUT ROWID;--> statement-breakpoint
INSERT INTO `__new_rule_member_totals` (`member_id`, `rule_id`, `points`, `times`) SELECT `member_id`, `rule_id`, `points`, `times` FROM `rule_member_totals`;--> statement-breakpoint
DROP TABLE `rule_member_totals`;--> statement-breakpoint
ALTER TABLE `__new_rule_member_totals` RENAME TO `rule_member_totals`;--> statement-breakpoint
CREATE TABLE `__new_ledger_balances` (
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
	CONSTRAINT "ledger_balances_available_nonnegative" CHECK(`available` >= 0),
	CONSTRAINT "ledger_balances_pending_nonnegative" CHECK(`pending` >= 0),
	CONSTRAINT "ledger_balances_reserved_nonnegative" CHECK(`reserved` >= 0)
) WITHOUT ROWID;--> statement-breakpoint
INSERT INTO `__new_ledger_balances` SELECT `member_id`, `program_id`, `available`, `pending`, `reserved`, `lifetime_earned`, `lifetime_redeemed`, `lifetime_expired`, `last_activity_at`, `updated_at` FROM `ledger_balances`;--> statement-breakpoint
DROP TABLE `ledger_balances`;--> statement-breakpoint
ALTER TABLE `__new_ledger_balances` RENAME TO `ledger_balances`;
