-- Every write path of responses (online submits, transcription, bulk loads, deletes) goes through
-- these triggers, so the dashboard reads counters instead of aggregating the responses on each
-- request (docs/decisions/009-progress-rollups.md). Autosaved drafts change none of the columns in
-- the WHEN clauses, so they do not touch the rollups.
CREATE OR REPLACE FUNCTION progress_on_response() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') THEN PERFORM progress_refresh_cell(OLD."packId", OLD."memberId"); END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') AND (TG_OP = 'INSERT' OR NEW."packId" <> OLD."packId" OR NEW."memberId" <> OLD."memberId") THEN
    PERFORM progress_refresh_cell(NEW."packId", NEW."memberId");
  END IF;
  RETURN NULL;
END $$;

CREATE OR REPLACE TRIGGER "progress_response_insert" AFTER INSERT ON "Response"
  FOR EACH ROW WHEN (NEW."status" = 'SUBMITTED') EXECUTE FUNCTION progress_on_response();
CREATE OR REPLACE TRIGGER "progress_response_update" AFTER UPDATE OF "status", "submittedAt", "receivedOn", "source", "packId", "memberId" ON "Response"
  FOR EACH ROW WHEN (OLD."status" IS DISTINCT FROM NEW."status" OR OLD."submittedAt" IS DISTINCT FROM NEW."submittedAt"
                     OR OLD."receivedOn" IS DISTINCT FROM NEW."receivedOn" OR OLD."source" IS DISTINCT FROM NEW."source"
                     OR OLD."packId" IS DISTINCT FROM NEW."packId" OR OLD."memberId" IS DISTINCT FROM NEW."memberId")
  EXECUTE FUNCTION progress_on_response();
CREATE OR REPLACE TRIGGER "progress_response_delete" AFTER DELETE ON "Response"
  FOR EACH ROW WHEN (OLD."status" = 'SUBMITTED') EXECUTE FUNCTION progress_on_response();
