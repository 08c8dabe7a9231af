-- A member's last answered pack moved from p_old to p_new: the group's quiet count moves by at
-- most one — they were quiet before and are not now (an answer to the latest packs), or the other
-- way round (a response withdrawn). Usually neither (a member who keeps up answers the newest
-- pack), and then the group's row is not written at all, which matters on the submit path: every
-- writer of the group would queue on that one row (docs/decisions/016-submit-route.md). Same lock
-- per group as the full refresh, taken before the figures are read, so a concurrent refresh is
-- seen whole.
CREATE OR REPLACE FUNCTION progress_group_quiet_moved(p_group text, p_member text, p_old int, p_new int) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  v_delta int;
BEGIN
  PERFORM pg_advisory_xact_lock(hashtext('progress_group:' || p_group));
  SELECT (coalesce(p_new, 0) < s."number")::int - (coalesce(p_old, 0) < s."number")::int INTO v_delta
    FROM (SELECT pk."number", pk."publishedAt" FROM "Pack" pk
           WHERE pk."groupId" = p_group AND pk."status" = 'PUBLISHED'
           ORDER BY pk."number" DESC OFFSET 1 LIMIT 1) s
    JOIN "Member" m ON m."id" = p_member AND m."groupId" = p_group AND m."status" = 'ACTIVE' AND m."joinedAt" <= s."publishedAt";
  IF coalesce(v_delta, 0) <> 0 THEN
    UPDATE "ProgressGroup" SET "quiet" = "quiet" + v_delta WHERE "groupId" = p_group;
    IF NOT FOUND THEN PERFORM progress_refresh_group(p_group); END IF;
  END IF;
END $$;
