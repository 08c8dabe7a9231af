-- A pack starts or stops counting in its organization × level rows, or moves between numbers:
-- published or not, renumbered, deleted (docs/decisions/051). Its counters are locked first, so a
-- submit changing them either commits before they are read here, or waits and then sees the pack
-- as this leaves it (progress_level_on_pack_rollup reads the pack after its own change).
CREATE OR REPLACE FUNCTION progress_level_on_pack() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  r record;
  k record;
  v_id text;
BEGIN
  IF current_setting('studypack.progress_rebuild', true) = 'on' THEN RETURN NULL; END IF;
  v_id := CASE WHEN TG_OP = 'DELETE' THEN OLD."id" ELSE NEW."id" END;
  PERFORM 1 FROM "ProgressPackRollup" WHERE "packId" = v_id FOR UPDATE;
  SELECT coalesce(sum("recipients"), 0)::int AS "recipients", coalesce(sum("respondents"), 0)::int AS "respondents" INTO r
    FROM "ProgressPackRollup" WHERE "packId" = v_id;
  IF TG_OP IN ('UPDATE', 'DELETE') AND OLD."status" = 'PUBLISHED' THEN
    SELECT g."organizationId", g."level" INTO k FROM "Group" g WHERE g."id" = OLD."groupId" AND g."archivedAt" IS NULL;
    IF FOUND THEN PERFORM progress_level_add_pack(k."organizationId", k."level", OLD."number", -1, -r."recipients", -r."respondents"); END IF;
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') AND NEW."status" = 'PUBLISHED' THEN
    SELECT g."organizationId", g."level" INTO k FROM "Group" g WHERE g."id" = NEW."groupId" AND g."archivedAt" IS NULL;
    IF FOUND THEN PERFORM progress_level_add_pack(k."organizationId", k."level", NEW."number", 1, r."recipients", r."respondents"); END IF;
  END IF;
  RETURN NULL;
END $$;

CREATE OR REPLACE TRIGGER progress_level_pack_ins AFTER INSERT ON "Pack" FOR EACH ROW WHEN (NEW."status" = 'PUBLISHED') EXECUTE FUNCTION progress_level_on_pack();
CREATE OR REPLACE TRIGGER progress_level_pack_upd AFTER UPDATE OF "status", "number", "groupId" ON "Pack"
  FOR EACH ROW WHEN ((OLD."status", OLD."number", OLD."groupId") IS DISTINCT FROM (NEW."status", NEW."number", NEW."groupId")) EXECUTE FUNCTION progress_level_on_pack();
CREATE OR REPLACE TRIGGER progress_level_pack_del AFTER DELETE ON "Pack" FOR EACH ROW WHEN (OLD."status" = 'PUBLISHED') EXECUTE FUNCTION progress_level_on_pack();
