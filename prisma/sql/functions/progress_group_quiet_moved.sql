-- A member's last answered pack moved from p_old to p_new: the group's quiet count
-- (progress_is_quiet) moves by at most one — they were quiet before and are not now (an answer to
-- the latest packs), or the other way round (a response withdrawn). Usually neither (a member who
-- keeps up answers the newest pack), and then the group's row is not written at all, which matters
-- on the submit path: every writer of the group would queue on that one row
-- (docs/decisions/016-submit-route.md). Same lock per group as the full refresh, taken before the
-- figures are read, so a concurrent refresh is seen whole.
CREATE OR REPLACE FUNCTION progress_group_quiet_moved(p_group text, p_member text, p_old int, p_new int) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  v_delta int;
BEGIN
  PERFORM pg_advisory_xact_lock(hashtext('progress_group:' || p_group));
  SELECT progress_is_quiet(m."status", m."joinedAt", p_new, s."number", s."publishedAt")::int
       - progress_is_quiet(m."status", m."joinedAt", p_old, s."number", s."publishedAt")::int INTO v_delta
    FROM progress_quiet_pack(p_group) s
    JOIN "Member" m ON m."id" = p_member AND m."groupId" = p_group;
  IF coalesce(v_delta, 0) <> 0 THEN
    UPDATE "ProgressGroup" SET "quiet" = "quiet" + v_delta WHERE "groupId" = p_group;
    IF NOT FOUND THEN PERFORM progress_refresh_group(p_group); END IF;
  END IF;
END $$;
