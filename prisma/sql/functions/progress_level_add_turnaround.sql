-- Adds p_cells to one bucket of ProgressLevelTurnaround: the turnaround histogram of the
-- organization's groups at p_level that are not archived (docs/decisions/051).
CREATE OR REPLACE FUNCTION progress_level_add_turnaround(p_org text, p_level "GroupLevel", p_channel "Channel", p_days int, p_cells int) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  IF p_cells = 0 THEN RETURN; END IF;
  INSERT INTO "ProgressLevelTurnaround" AS l ("organizationId", "level", "channel", "days", "cells")
  VALUES (p_org, p_level, p_channel, p_days, p_cells)
  ON CONFLICT ("organizationId", "level", "channel", "days") DO UPDATE SET "cells" = l."cells" + EXCLUDED."cells";
END $$;
