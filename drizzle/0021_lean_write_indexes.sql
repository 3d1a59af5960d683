DROP INDEX `rule_awards_member_rule`;--> statement-breakpoint
DROP INDEX `ledger_lots_merged_from`;--> statement-breakpoint
CREATE UNIQUE INDEX `ledger_lots_merged_from` ON `ledger_lots` (`merged_from_lot_id`) WHERE "ledger_lots"."merged_from_lot_id" is not null;--> statement-breakpoint
DROP INDEX `ledger_transactions_related`;--> statement-breakpoint
DROP INDEX `ledger_transactions_counterparty`;--> statement-breakpoint
CREATE INDEX `ledger_transactions_related` ON `ledger_transactions` (`related_transaction_id`) WHERE "ledger_transactions"."related_transaction_id" is not null;--> statement-breakpoint
CREATE INDEX `ledger_transactions_counterparty` ON `ledger_transactions` (`counterparty_member_id`) WHERE "ledger_transactions"."counterparty_member_id" is not null;