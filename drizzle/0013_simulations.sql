CREATE TABLE `simulation_datasets` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`description` text NOT NULL,
	`currency` text NOT NULL,
	`transactions_csv` text NOT NULL,
	`members_csv` text,
	`options` text NOT NULL,
	`report` text NOT NULL,
	`created_by` text NOT NULL,
	`created_at` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `simulation_results` (
	`run_id` text NOT NULL,
	`side` text NOT NULL,
	`version_id` text NOT NULL,
	`result` text NOT NULL,
	PRIMARY KEY(`run_id`, `side`),
	FOREIGN KEY (`run_id`) REFERENCES `simulation_runs`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`version_id`) REFERENCES `program_versions`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `simulation_runs` (
	`id` text PRIMARY KEY NOT NULL,
	`program_id` text NOT NULL,
	`kind` text NOT NULL,
	`version_id` text NOT NULL,
	`version_id_b` text,
	`dataset_id` text NOT NULL,
	`dataset_name` text NOT NULL,
	`options` text NOT NULL,
	`summary` text NOT NULL,
	`duration_ms` integer NOT NULL,
	`created_by` text NOT NULL,
	`created_at` text NOT NULL,
	FOREIGN KEY (`program_id`) REFERENCES `programs`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`version_id`) REFERENCES `program_versions`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`version_id_b`) REFERENCES `program_versions`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `simulation_runs_program` ON `simulation_runs` (`program_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `simulation_runs_version` ON `simulation_runs` (`version_id`);