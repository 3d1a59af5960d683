ALTER TABLE `members` ADD `merged_members` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
UPDATE `members` SET `merged_members` = (SELECT count(*) FROM `members` AS `m` WHERE `m`.`merged_into` = `members`.`id`);
--> statement-breakpoint
INSERT INTO `rule_member_totals` (`member_id`, `rule_id`, `points`, `times`)
SELECT `m`.`merged_into`, `t`.`rule_id`, sum(`t`.`points`), sum(`t`.`times`)
FROM `rule_member_totals` AS `t` JOIN `members` AS `m` ON `m`.`id` = `t`.`member_id`
WHERE `m`.`merged_into` IS NOT NULL GROUP BY `m`.`merged_into`, `t`.`rule_id`
ON CONFLICT (`member_id`, `rule_id`) DO UPDATE SET `points` = `points` + excluded.`points`, `times` = `times` + excluded.`times`;
--> statement-breakpoint
DELETE FROM `rule_member_totals` WHERE `member_id` IN (SELECT `id` FROM `members` WHERE `merged_into` IS NOT NULL);
