CREATE TABLE `adjustment_requests` (
	`id` text PRIMARY KEY NOT NULL,
	`program_id` text NOT NULL,
	`member_id` text NOT NULL,
	`points` integer NOT NULL,
	`reason` text NOT NULL,
	`requested_by` text NOT NULL,
	`requested_at` text NOT NULL,
	`status` text NOT NULL,
	`decided_by` text,
	`decided_at` text,
	`decision_note` text
);
--> statement-breakpoint
CREATE INDEX `adjustment_requests_status` ON `adjustment_requests` (`program_id`,`status`);--> statement-breakpoint
CREATE INDEX `adjustment_requests_member` ON `adjustment_requests` (`member_id`);