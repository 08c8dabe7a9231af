-- ───────────── prisma/sql/functions (docs/decisions/020-sql-functions-in-one-place.md) ─────────────
-- Copied by `npm run db:make-migration` from the files named below, which hold the current
-- text: change those, never this copy.

-- prisma/sql/functions/progress_group_quiet_moved.sql
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

-- prisma/sql/functions/progress_is_quiet.sql
-- Quiet: an active member who answered none of the group's last two published packs, both of
-- which were published after they joined. The one definition of the rule: the dashboard's count
-- (ProgressGroup.quiet, kept by progress_group_quiet and progress_group_quiet_moved), the progress
-- matrix's mark and its "quiet" filter, and the CSV export all ask it (docs/decisions/020).
--
-- It takes the member's facts and the group's second-latest published pack (progress_quiet_pack:
-- answering it or any later pack keeps a member from being quiet), so that a count reads that pack
-- once, and progress_group_quiet_moved can ask about a last answered pack the member had before.
-- A plain SQL expression, IMMUTABLE: PostgreSQL inlines it into the query that calls it, so the
-- conditions work as that query's own (an index on the member's status is still used), and it is
-- never null (false when the group has fewer than two published packs).
CREATE OR REPLACE FUNCTION progress_is_quiet(
  p_status "MemberStatus", p_joined_at timestamp, p_last_answered_number integer,
  p_pack_number integer, p_pack_published_at timestamp
) RETURNS boolean LANGUAGE sql IMMUTABLE AS $$
  SELECT p_status = 'ACTIVE' AND p_pack_published_at IS NOT NULL AND p_joined_at <= p_pack_published_at
     AND coalesce(p_last_answered_number, 0) < p_pack_number
$$;

-- prisma/sql/functions/progress_quiet_pack.sql
-- The pack a member of the group must have answered, or a later one, not to be quiet
-- (progress_is_quiet): the group's second-latest published pack; no row while it has fewer than
-- two. SQL, STABLE: inlined into the query that reads it.
CREATE OR REPLACE FUNCTION progress_quiet_pack(p_group text) RETURNS TABLE ("number" integer, "publishedAt" timestamp)
LANGUAGE sql STABLE AS $$
  SELECT pk."number", pk."publishedAt" FROM "Pack" pk
   WHERE pk."groupId" = p_group AND pk."status" = 'PUBLISHED'
   ORDER BY pk."number" DESC OFFSET 1 LIMIT 1
$$;

-- prisma/sql/functions/progress_group_quiet.sql
-- How many members of a group are quiet (progress_is_quiet): ProgressGroup.quiet, recounted.
CREATE OR REPLACE FUNCTION progress_group_quiet(p_group text) RETURNS int LANGUAGE sql STABLE AS $$
  SELECT count(*)::int
    FROM progress_quiet_pack(p_group) s
    JOIN "Member" m ON m."groupId" = p_group
    LEFT JOIN "ProgressMember" pm ON pm."memberId" = m."id"
   WHERE progress_is_quiet(m."status", m."joinedAt", pm."lastAnsweredNumber", s."number", s."publishedAt")
$$;
