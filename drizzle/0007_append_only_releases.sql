-- Release history is the record of what ran for whom and when.
CREATE TRIGGER program_releases_no_update BEFORE UPDATE ON program_releases
BEGIN
  SELECT RAISE(ABORT, 'release history is append-only: record a new release instead');
END;
--> statement-breakpoint
CREATE TRIGGER program_releases_no_delete BEFORE DELETE ON program_releases
BEGIN
  SELECT RAISE(ABORT, 'release history is append-only');
END;
