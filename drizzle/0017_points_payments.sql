CREATE TABLE `points_payments` (
	`id` text PRIMARY KEY NOT NULL,
	`program_id` text NOT NULL,
	`member_id` text NOT NULL,
	`version_id` text NOT NULL,
	`store_id` text NOT NULL,
	`amount` real NOT NULL,
	`points` integer NOT NULL,
	`basket_total` real NOT NULL,
	`status` text NOT NULL,
	`reserve_transaction_id` text,
	`payment_transaction_id` text,
	`release_transaction_id` text,
	`hold_expires_at` text,
	`purchase_id` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`resolved_at` text,
	FOREIGN KEY (`program_id`) REFERENCES `programs`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`member_id`) REFERENCES `members`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`version_id`) REFERENCES `program_versions`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `points_payments_member` ON `points_payments` (`member_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `points_payments_status_hold` ON `points_payments` (`program_id`,`status`,`hold_expires_at`);--> statement-breakpoint
CREATE UNIQUE INDEX `points_payments_purchase` ON `points_payments` (`purchase_id`);