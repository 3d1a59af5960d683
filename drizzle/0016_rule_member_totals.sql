CREATE TABLE `rule_member_totals` (
	`member_id` text NOT NULL,
	`rule_id` text NOT NULL,
	`points` integer DEFAULT 0 NOT NULL,
	`times` integer DEFAULT 0 NOT NULL,
	PRIMARY KEY(`member_id`, `rule_id`),
	FOREIGN KEY (`member_id`) REFERENCES `members`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
INSERT INTO `rule_member_totals` (`member_id`, `rule_id`, `points`, `times`)
SELECT `member_id`, `rule_id`, sum(`points`), count(DISTINCT CASE WHEN `source_kind` <> 'return' AND `points` > 0 THEN `source_id` END)
FROM `rule_awards` GROUP BY `member_id`, `rule_id`;
