-- Adds p_cells to one bucket of ProgressLevelTurnaround: the turnaround histogram of the
-- organization's groups at p_level that are not archived (docs/decisions/051).
-- A bucket that comes back to no cells goes, as progress_bump_turnaround's do, so the rows are
-- always what progress_rebuild makes.
CREATE OR REPLACE FUNCTION progress_level_add_turnaround(p_org text, p_level "GroupLevel", p_channel "Channel", p_days int, p_cells int) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  v_cells int;
BEGIN
  IF p_cells = 0 THEN RETURN; END IF;
  INSERT INTO "ProgressLevelTurnaround" AS l ("organizationId", "level", "channel", "days", "cells")
  VALUES (p_org, p_level, p_channel, p_days, p_cells)
  ON CONFLICT ("organizationId", "level", "channel", "days") DO UPDATE SET "cells" = l."cells" + EXCLUDED."cells"
  RETURNING l."cells" INTO v_cells;
  IF v_cells = 0 THEN
    DELETE FROM "ProgressLevelTurnaround" WHERE "organizationId" = p_org AND "level" = p_level AND "channel" = p_channel AND "days" = p_days;
  END IF;
END $$;
