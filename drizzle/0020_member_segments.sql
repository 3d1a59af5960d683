CREATE TABLE `member_segments` (
	`member_id` text NOT NULL,
	`segment_id` text NOT NULL,
	`program_id` text NOT NULL,
	`since` text NOT NULL,
	PRIMARY KEY(`member_id`, `segment_id`),
	FOREIGN KEY (`member_id`) REFERENCES `members`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`program_id`) REFERENCES `programs`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `member_segments_program` ON `member_segments` (`program_id`,`segment_id`);