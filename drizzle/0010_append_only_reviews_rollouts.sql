-- Review, status and rollout histories are records of who decided what and when.
CREATE TRIGGER review_events_no_update BEFORE UPDATE ON review_events
BEGIN
  SELECT RAISE(ABORT, 'review history is append-only');
END;
--> statement-breakpoint
CREATE TRIGGER review_events_no_delete BEFORE DELETE ON review_events
BEGIN
  SELECT RAISE(ABORT, 'review history is append-only');
END;
--> statement-breakpoint
CREATE TRIGGER version_status_events_no_update BEFORE UPDATE ON version_status_events
BEGIN
  SELECT RAISE(ABORT, 'version status history is append-only');
END;
--> statement-breakpoint
CREATE TRIGGER version_status_events_no_delete BEFORE DELETE ON version_status_events
BEGIN
  SELECT RAISE(ABORT, 'version status history is append-only');
END;
--> statement-breakpoint
CREATE TRIGGER rollout_events_no_update BEFORE UPDATE ON rollout_events
BEGIN
  SELECT RAISE(ABORT, 'rollout history is append-only');
END;
--> statement-breakpoint
CREATE TRIGGER rollout_events_no_delete BEFORE DELETE ON rollout_events
BEGIN
  SELECT RAISE(ABORT, 'rollout history is append-only');
END;
--> statement-breakpoint
-- Per-version metrics and guardrails read the ledger by version and time.
CREATE INDEX IF NOT EXISTS `ledger_transactions_version_time` ON `ledger_transactions` (`program_version_id`,`occurred_at`);
