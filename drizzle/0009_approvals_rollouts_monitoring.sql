CREATE TABLE `review_events` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`review_id` text NOT NULL,
	`seq` integer NOT NULL,
	`kind` text NOT NULL,
	`actor_id` text NOT NULL,
	`actor_name` text NOT NULL,
	`role` text,
	`text` text DEFAULT '' NOT NULL,
	`data` text DEFAULT '{}' NOT NULL,
	`at` text NOT NULL,
	FOREIGN KEY (`review_id`) REFERENCES `version_reviews`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `review_events_review_seq` ON `review_events` (`review_id`,`seq`);--> statement-breakpoint
CREATE TABLE `version_reviews` (
	`id` text PRIMARY KEY NOT NULL,
	`workflow_id` text NOT NULL,
	`program_id` text NOT NULL,
	`version_id` text NOT NULL,
	`version_number` integer NOT NULL,
	`author` text NOT NULL,
	`status` text NOT NULL,
	`required_roles` text NOT NULL,
	`reminder_after_hours` integer NOT NULL,
	`scenario_gate` text,
	`superseded_by_version_id` text,
	`opened_at` text NOT NULL,
	`closed_at` text,
	FOREIGN KEY (`program_id`) REFERENCES `programs`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`version_id`) REFERENCES `program_versions`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `version_reviews_program` ON `version_reviews` (`program_id`,`opened_at`);--> statement-breakpoint
CREATE INDEX `version_reviews_version` ON `version_reviews` (`version_id`);--> statement-breakpoint
CREATE TABLE `version_status` (
	`version_id` text PRIMARY KEY NOT NULL,
	`program_id` text NOT NULL,
	`status` text NOT NULL,
	`since` text NOT NULL,
	`reason` text NOT NULL,
	FOREIGN KEY (`version_id`) REFERENCES `program_versions`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`program_id`) REFERENCES `programs`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `version_status_program` ON `version_status` (`program_id`,`status`);--> statement-breakpoint
CREATE TABLE `version_status_events` (
	`seq` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`version_id` text NOT NULL,
	`program_id` text NOT NULL,
	`from_status` text NOT NULL,
	`to_status` text NOT NULL,
	`actor` text NOT NULL,
	`reason` text NOT NULL,
	`at` text NOT NULL,
	FOREIGN KEY (`version_id`) REFERENCES `program_versions`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`program_id`) REFERENCES `programs`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `version_status_events_version` ON `version_status_events` (`version_id`,`seq`);--> statement-breakpoint
CREATE TABLE `rollout_events` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`rollout_id` text NOT NULL,
	`seq` integer NOT NULL,
	`kind` text NOT NULL,
	`actor` text NOT NULL,
	`reason` text NOT NULL,
	`data` text DEFAULT '{}' NOT NULL,
	`at` text NOT NULL,
	FOREIGN KEY (`rollout_id`) REFERENCES `rollouts`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `rollout_events_rollout_seq` ON `rollout_events` (`rollout_id`,`seq`);--> statement-breakpoint
CREATE TABLE `rollouts` (
	`id` text PRIMARY KEY NOT NULL,
	`workflow_id` text NOT NULL,
	`program_id` text NOT NULL,
	`version_id` text NOT NULL,
	`from_version_id` text NOT NULL,
	`status` text NOT NULL,
	`stages` text NOT NULL,
	`guardrails` text NOT NULL,
	`stage_index` integer DEFAULT -1 NOT NULL,
	`last_check` text,
	`started_by` text NOT NULL,
	`started_at` text NOT NULL,
	`finished_at` text,
	`outcome` text,
	FOREIGN KEY (`program_id`) REFERENCES `programs`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`version_id`) REFERENCES `program_versions`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`from_version_id`) REFERENCES `program_versions`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `rollouts_program` ON `rollouts` (`program_id`,`started_at`);--> statement-breakpoint
CREATE TABLE `version_metrics` (
	`version_id` text NOT NULL,
	`hour` text NOT NULL,
	`program_id` text NOT NULL,
	`events` integer DEFAULT 0 NOT NULL,
	`points_issued` integer DEFAULT 0 NOT NULL,
	`points_redeemed` integer DEFAULT 0 NOT NULL,
	`rewards` integer DEFAULT 0 NOT NULL,
	`messages_sent` integer DEFAULT 0 NOT NULL,
	`errors` integer DEFAULT 0 NOT NULL,
	`fraud_flags` integer DEFAULT 0 NOT NULL,
	`computed_at` text NOT NULL,
	PRIMARY KEY(`version_id`, `hour`),
	FOREIGN KEY (`version_id`) REFERENCES `program_versions`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`program_id`) REFERENCES `programs`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `version_metrics_program_hour` ON `version_metrics` (`program_id`,`hour`);