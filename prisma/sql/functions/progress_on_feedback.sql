-- Feedback given or removed changes the feedback count of its response's cell.
CREATE OR REPLACE FUNCTION progress_on_feedback() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE r record;
BEGIN
  FOR r IN SELECT DISTINCT x."packId", x."memberId" FROM "Response" x
            WHERE x."id" IN (CASE WHEN TG_OP <> 'INSERT' THEN OLD."responseId" END, CASE WHEN TG_OP <> 'DELETE' THEN NEW."responseId" END)
  LOOP
    PERFORM progress_refresh_cell(r."packId", r."memberId");
  END LOOP;
  RETURN NULL;
END $$;

CREATE OR REPLACE TRIGGER "progress_feedback" AFTER INSERT OR DELETE OR UPDATE OF "responseId" ON "Feedback"
  FOR EACH ROW EXECUTE FUNCTION progress_on_feedback();
