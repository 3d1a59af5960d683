CREATE TABLE `member_tier_reviews` (
	`member_id` text PRIMARY KEY NOT NULL,
	`program_id` text NOT NULL,
	`last_review_date` text NOT NULL,
	`last_version_id` text NOT NULL,
	`last_value` real NOT NULL,
	`last_change` text NOT NULL,
	`pending_from_tier_id` text,
	`pending_to_tier_id` text,
	`pending_effective_on` text,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`member_id`) REFERENCES `members`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`program_id`) REFERENCES `programs`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`last_version_id`) REFERENCES `program_versions`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `member_tier_reviews_pending` ON `member_tier_reviews` (`program_id`,`pending_effective_on`);