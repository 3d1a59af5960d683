DROP INDEX `ledger_postings_account`;--> statement-breakpoint
DROP INDEX `purchases_member_local_date`;