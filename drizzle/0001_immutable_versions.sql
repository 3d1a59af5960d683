-- A saved program version is a fact: what was approved must be what runs.
CREATE TRIGGER program_versions_no_update BEFORE UPDATE ON program_versions
BEGIN
  SELECT RAISE(ABORT, 'program versions are immutable: save a new version instead');
END;
--> statement-breakpoint
CREATE TRIGGER program_versions_no_delete BEFORE DELETE ON program_versions
BEGIN
  SELECT RAISE(ABORT, 'program versions are immutable and cannot be deleted');
END;
