-- Adds to one row of ProgressLevelPack: the published packs numbered p_number of the
-- organization's groups at p_level that are not archived, and their recipients and respondents
-- (docs/decisions/051-dashboard-level-rollups.md). The dashboard's rates read these rows, levels ×
-- pack numbers, instead of every pack of the organization.
-- A row that comes back to nothing goes, so the rows are always what progress_rebuild makes.
CREATE OR REPLACE FUNCTION progress_level_add_pack(p_org text, p_level "GroupLevel", p_number int, p_packs int, p_recipients int, p_respondents int) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  v_packs int;
BEGIN
  IF p_packs = 0 AND p_recipients = 0 AND p_respondents = 0 THEN RETURN; END IF;
  INSERT INTO "ProgressLevelPack" AS l ("organizationId", "level", "number", "packs", "recipients", "respondents")
  VALUES (p_org, p_level, p_number, p_packs, p_recipients, p_respondents)
  ON CONFLICT ("organizationId", "level", "number") DO UPDATE
    SET "packs" = l."packs" + EXCLUDED."packs", "recipients" = l."recipients" + EXCLUDED."recipients", "respondents" = l."respondents" + EXCLUDED."respondents"
  RETURNING l."packs" INTO v_packs;
  -- No published pack left under the key: its counters went with the packs (they moved together).
  IF v_packs = 0 THEN
    DELETE FROM "ProgressLevelPack" WHERE "organizationId" = p_org AND "level" = p_level AND "number" = p_number;
  END IF;
END $$;
