-- Publishing (or unpublishing) a pack moves its online turnarounds.
CREATE OR REPLACE FUNCTION progress_on_pack() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE c record;
BEGIN
  FOR c IN SELECT "memberId" FROM "ProgressCell" WHERE "packId" = NEW."id" LOOP
    PERFORM progress_refresh_cell(NEW."id", c."memberId");
  END LOOP;
  RETURN NULL;
END $$;

CREATE OR REPLACE TRIGGER "progress_pack" AFTER UPDATE OF "publishedAt" ON "Pack"
  FOR EACH ROW WHEN (OLD."publishedAt" IS DISTINCT FROM NEW."publishedAt") EXECUTE FUNCTION progress_on_pack();
