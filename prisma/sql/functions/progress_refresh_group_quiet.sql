-- Recounts only a group's quiet members (for a delete, or a member moving group); a group with no
-- row yet gets a full refresh.
CREATE OR REPLACE FUNCTION progress_refresh_group_quiet(p_group text) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_advisory_xact_lock(hashtext('progress_group:' || p_group));
  UPDATE "ProgressGroup" SET "quiet" = progress_group_quiet(p_group) WHERE "groupId" = p_group;
  IF NOT FOUND THEN PERFORM progress_refresh_group(p_group); END IF;
END $$;
