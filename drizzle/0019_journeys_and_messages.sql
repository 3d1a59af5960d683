CREATE TABLE `journey_runs` (
	`id` text PRIMARY KEY NOT NULL,
	`program_id` text NOT NULL,
	`version_id` text NOT NULL,
	`journey_id` text NOT NULL,
	`member_id` text NOT NULL,
	`trigger_event_id` text NOT NULL,
	`status` text DEFAULT 'running' NOT NULL,
	`step_id` text NOT NULL,
	`variant` text,
	`error` text,
	`started_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`ended_at` text,
	FOREIGN KEY (`program_id`) REFERENCES `programs`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`version_id`) REFERENCES `program_versions`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`member_id`) REFERENCES `members`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `journey_runs_member` ON `journey_runs` (`member_id`,`status`);--> statement-breakpoint
CREATE INDEX `journey_runs_journey` ON `journey_runs` (`program_id`,`journey_id`);--> statement-breakpoint
CREATE TABLE `messages` (
	`id` text PRIMARY KEY NOT NULL,
	`program_id` text NOT NULL,
	`member_id` text NOT NULL,
	`run_id` text,
	`journey_id` text,
	`step_id` text,
	`template_id` text NOT NULL,
	`channel` text NOT NULL,
	`locale` text,
	`recipient` text,
	`subject` text,
	`body` text,
	`status` text NOT NULL,
	`reason` text,
	`provider_ref` text,
	`created_at` text NOT NULL,
	`sent_at` text,
	FOREIGN KEY (`program_id`) REFERENCES `programs`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`member_id`) REFERENCES `members`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`run_id`) REFERENCES `journey_runs`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `messages_member` ON `messages` (`member_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `messages_program` ON `messages` (`program_id`,`created_at`);--> statement-breakpoint
CREATE TABLE `outbox_cursors` (
	`consumer` text PRIMARY KEY NOT NULL,
	`last_seq` integer NOT NULL,
	`updated_at` text NOT NULL
);
