-- Events and what rules awarded for them are facts; returns and corrections are new rows.
CREATE TRIGGER purchases_no_update BEFORE UPDATE ON purchases
BEGIN
  SELECT RAISE(ABORT, 'purchases are facts: post a return instead');
END;
--> statement-breakpoint
CREATE TRIGGER purchases_no_delete BEFORE DELETE ON purchases
BEGIN
  SELECT RAISE(ABORT, 'purchases are append-only and cannot be deleted');
END;
--> statement-breakpoint
CREATE TRIGGER purchase_lines_no_update BEFORE UPDATE ON purchase_lines
BEGIN
  SELECT RAISE(ABORT, 'purchase lines are facts: post a return instead');
END;
--> statement-breakpoint
CREATE TRIGGER purchase_lines_no_delete BEFORE DELETE ON purchase_lines
BEGIN
  SELECT RAISE(ABORT, 'purchase lines are append-only and cannot be deleted');
END;
--> statement-breakpoint
CREATE TRIGGER purchase_returns_no_update BEFORE UPDATE ON purchase_returns
BEGIN
  SELECT RAISE(ABORT, 'returns are facts and cannot be changed');
END;
--> statement-breakpoint
CREATE TRIGGER purchase_returns_no_delete BEFORE DELETE ON purchase_returns
BEGIN
  SELECT RAISE(ABORT, 'purchase returns are append-only and cannot be deleted');
END;
--> statement-breakpoint
CREATE TRIGGER purchase_return_lines_no_update BEFORE UPDATE ON purchase_return_lines
BEGIN
  SELECT RAISE(ABORT, 'return lines are facts and cannot be changed');
END;
--> statement-breakpoint
CREATE TRIGGER purchase_return_lines_no_delete BEFORE DELETE ON purchase_return_lines
BEGIN
  SELECT RAISE(ABORT, 'purchase return lines are append-only and cannot be deleted');
END;
--> statement-breakpoint
CREATE TRIGGER member_events_no_update BEFORE UPDATE ON member_events
BEGIN
  SELECT RAISE(ABORT, 'member events are facts and cannot be changed');
END;
--> statement-breakpoint
CREATE TRIGGER member_events_no_delete BEFORE DELETE ON member_events
BEGIN
  SELECT RAISE(ABORT, 'member events are append-only and cannot be deleted');
END;
--> statement-breakpoint
CREATE TRIGGER rule_awards_no_update BEFORE UPDATE ON rule_awards
BEGIN
  SELECT RAISE(ABORT, 'rule awards are append-only: a return writes negative awards instead');
END;
--> statement-breakpoint
CREATE TRIGGER rule_awards_no_delete BEFORE DELETE ON rule_awards
BEGIN
  SELECT RAISE(ABORT, 'rule awards are append-only and cannot be deleted');
END;
