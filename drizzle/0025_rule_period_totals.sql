ALTER TABLE `rule_member_totals` ADD `day` text;--> statement-breakpoint
ALTER TABLE `rule_member_totals` ADD `day_points` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `rule_member_totals` ADD `week` text;--> statement-breakpoint
ALTER TABLE `rule_member_totals` ADD `week_points` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `rule_member_totals` ADD `month` text;--> statement-breakpoint
ALTER TABLE `rule_member_totals` ADD `month_points` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
-- The latest periods from the awards stored so far: the member's own and those of members merged into it.
UPDATE `rule_member_totals` SET
	`day` = (select max(a.day) from rule_awards a where a.rule_id = rule_member_totals.rule_id
		and a.member_id in (select rule_member_totals.member_id union all select m.id from members m where m.merged_into = rule_member_totals.member_id)),
	`week` = (select max(a.week) from rule_awards a where a.rule_id = rule_member_totals.rule_id
		and a.member_id in (select rule_member_totals.member_id union all select m.id from members m where m.merged_into = rule_member_totals.member_id)),
	`month` = (select max(a.month) from rule_awards a where a.rule_id = rule_member_totals.rule_id
		and a.member_id in (select rule_member_totals.member_id union all select m.id from members m where m.merged_into = rule_member_totals.member_id));--> statement-breakpoint
UPDATE `rule_member_totals` SET
	`day_points` = coalesce((select sum(a.points) from rule_awards a where a.rule_id = rule_member_totals.rule_id and a.day = rule_member_totals.day
		and a.member_id in (select rule_member_totals.member_id union all select m.id from members m where m.merged_into = rule_member_totals.member_id)), 0),
	`week_points` = coalesce((select sum(a.points) from rule_awards a where a.rule_id = rule_member_totals.rule_id and a.week = rule_member_totals.week
		and a.member_id in (select rule_member_totals.member_id union all select m.id from members m where m.merged_into = rule_member_totals.member_id)), 0),
	`month_points` = coalesce((select sum(a.points) from rule_awards a where a.rule_id = rule_member_totals.rule_id and a.month = rule_member_totals.month
		and a.member_id in (select rule_member_totals.member_id union all select m.id from members m where m.merged_into = rule_member_totals.member_id)), 0);
