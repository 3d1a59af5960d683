CREATE TABLE `program_releases` (
	`seq` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`program_id` text NOT NULL,
	`version_id` text NOT NULL,
	`canary_version_id` text,
	`canary_share` integer DEFAULT 0 NOT NULL,
	`canary_members` text DEFAULT '[]' NOT NULL,
	`reason` text NOT NULL,
	`actor` text NOT NULL,
	`at` text NOT NULL,
	FOREIGN KEY (`program_id`) REFERENCES `programs`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`version_id`) REFERENCES `program_versions`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`canary_version_id`) REFERENCES `program_versions`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `program_releases_program` ON `program_releases` (`program_id`,`seq`);