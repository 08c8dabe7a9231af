-- A pack's counters moved (ProgressPackRollup): the same change goes to its organization × level ×
-- number row, when the pack counts there (published, in a group that is not archived). A pack
-- that does not count yet is added whole when it starts to (progress_level_on_pack,
-- progress_level_on_group). Skipped while progress_rebuild runs: it recomputes the level rows last.
CREATE OR REPLACE FUNCTION progress_level_on_pack_rollup() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  v_pack text;
  v_recipients int;
  v_respondents int;
  k record;
BEGIN
  IF current_setting('studypack.progress_rebuild', true) = 'on' THEN RETURN NULL; END IF;
  IF TG_OP = 'INSERT' THEN
    v_pack := NEW."packId"; v_recipients := NEW."recipients"; v_respondents := NEW."respondents";
  ELSIF TG_OP = 'DELETE' THEN
    v_pack := OLD."packId"; v_recipients := -OLD."recipients"; v_respondents := -OLD."respondents";
  ELSE
    v_pack := NEW."packId"; v_recipients := NEW."recipients" - OLD."recipients"; v_respondents := NEW."respondents" - OLD."respondents";
  END IF;
  IF v_recipients = 0 AND v_respondents = 0 THEN RETURN NULL; END IF;
  SELECT g."organizationId", g."level", pk."number" INTO k
    FROM "Pack" pk JOIN "Group" g ON g."id" = pk."groupId"
   WHERE pk."id" = v_pack AND pk."status" = 'PUBLISHED' AND g."archivedAt" IS NULL;
  IF FOUND THEN PERFORM progress_level_add_pack(k."organizationId", k."level", k."number", 0, v_recipients, v_respondents); END IF;
  RETURN NULL;
END $$;

CREATE OR REPLACE TRIGGER progress_level_pack_rollup AFTER INSERT OR UPDATE OR DELETE ON "ProgressPackRollup" FOR EACH ROW EXECUTE FUNCTION progress_level_on_pack_rollup();
