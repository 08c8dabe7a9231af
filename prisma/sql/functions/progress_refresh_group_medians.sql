-- Recomputes only a group's medians (one per channel), and writes the group's row only when one of them changed:
-- one more answer seldom moves a median, and ProgressGroup's row is the one row every writer of the
-- group touches (docs/decisions/016-submit-route.md). A group with no row yet gets a full refresh.
CREATE OR REPLACE FUNCTION progress_refresh_group_medians(p_group text) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  v_online int;
  v_mail int;
  v_emessage int;
BEGIN
  PERFORM pg_advisory_xact_lock(hashtext('progress_group:' || p_group));
  v_online := progress_group_median(p_group, 'ONLINE');
  v_mail := progress_group_median(p_group, 'MAIL');
  v_emessage := progress_group_median(p_group, 'EMESSAGE');
  PERFORM 1 FROM "ProgressGroup" WHERE "groupId" = p_group;
  IF NOT FOUND THEN
    PERFORM progress_refresh_group(p_group);
    RETURN;
  END IF;
  UPDATE "ProgressGroup" SET "medianOnlineDays" = v_online, "medianMailDays" = v_mail, "medianEmessageDays" = v_emessage
   WHERE "groupId" = p_group
     AND ("medianOnlineDays", "medianMailDays", "medianEmessageDays") IS DISTINCT FROM (v_online, v_mail, v_emessage);
END $$;
