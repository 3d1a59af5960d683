-- Per-version metrics read the outbox of one program over a time range.
CREATE INDEX IF NOT EXISTS `outbox_program_created` ON `outbox` (`program_id`,`created_at`);
