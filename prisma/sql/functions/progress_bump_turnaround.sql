-- Moves one bucket of a group's turnaround histogram (ProgressTurnaround) by p_delta cells; an
-- emptied bucket goes. Called by progress_refresh_cell when a cell's turnaround appears, changes
-- or goes (docs/decisions/009-progress-rollups.md).
CREATE OR REPLACE FUNCTION progress_bump_turnaround(p_group text, p_channel "Channel", p_days int, p_delta int) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  IF p_channel IS NULL OR p_days IS NULL THEN RETURN; END IF;
  INSERT INTO "ProgressTurnaround" ("groupId", "channel", "days", "cells") VALUES (p_group, p_channel, p_days, p_delta)
  ON CONFLICT ("groupId", "channel", "days") DO UPDATE SET "cells" = "ProgressTurnaround"."cells" + p_delta;
  DELETE FROM "ProgressTurnaround" WHERE "groupId" = p_group AND "channel" = p_channel AND "days" = p_days AND "cells" <= 0;
END $$;
