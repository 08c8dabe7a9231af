-- ───────────── Hand-written (docs/decisions/009-progress-rollups.md) ─────────────
-- A member's first answer to a pack moved two counters that each refreshed the whole ProgressGroup
-- row (active members, lessons covered, quiet, both medians): once for the member's last answered
-- pack and once for the turnaround histogram, 2–12 ms each at the large scale — most of a submit's
-- time in PostgreSQL. Each now recomputes only the figure it can change: the quiet count, or the
-- two medians. The full refresh stays for members, packs and lessons, and for a group that has no
-- row yet. The same advisory lock per group serializes them with each other and with the full
-- refresh, and each reads in a statement after taking it (so it sees the rows of a transaction
-- that held the lock before it).

-- Quiet: the rule of isQuiet (lib/progress/cell-state.ts), as in progress_refresh_group.
CREATE FUNCTION progress_group_quiet(p_group text) RETURNS int LANGUAGE sql STABLE AS $$
  SELECT coalesce((SELECT count(*) FROM (SELECT pk."number", pk."publishedAt" FROM "Pack" pk
                                          WHERE pk."groupId" = p_group AND pk."status" = 'PUBLISHED'
                                          ORDER BY pk."number" DESC OFFSET 1 LIMIT 1) s
                     JOIN "Member" m ON m."groupId" = p_group AND m."status" = 'ACTIVE' AND m."joinedAt" <= s."publishedAt"
                     LEFT JOIN "ProgressMember" pm ON pm."memberId" = m."id"
                    WHERE coalesce(pm."lastAnsweredNumber", 0) < s."number"), 0)::int
$$;

CREATE FUNCTION progress_refresh_group_quiet(p_group text) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_advisory_xact_lock(hashtext('progress_group:' || p_group));
  UPDATE "ProgressGroup" SET "quiet" = progress_group_quiet(p_group) WHERE "groupId" = p_group;
  IF NOT FOUND THEN PERFORM progress_refresh_group(p_group); END IF;
END $$;

CREATE FUNCTION progress_refresh_group_medians(p_group text) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_advisory_xact_lock(hashtext('progress_group:' || p_group));
  UPDATE "ProgressGroup"
     SET "medianOnlineDays" = progress_group_median(p_group, 'ONLINE'), "medianMailDays" = progress_group_median(p_group, 'MAIL')
   WHERE "groupId" = p_group;
  IF NOT FOUND THEN PERFORM progress_refresh_group(p_group); END IF;
END $$;

-- The full refresh uses the same rule for quiet (one definition of it).
CREATE OR REPLACE FUNCTION progress_refresh_group(p_group text) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_advisory_xact_lock(hashtext('progress_group:' || p_group));
  INSERT INTO "ProgressGroup" ("groupId", "activeMembers", "lessonsCovered", "quiet", "medianOnlineDays", "medianMailDays")
  SELECT g."id",
         (SELECT count(*) FROM "Member" m WHERE m."groupId" = g."id" AND m."status" = 'ACTIVE')::int,
         (SELECT count(DISTINCT pl."lessonId") FROM "Pack" pk JOIN "PackLesson" pl ON pl."packId" = pk."id"
           WHERE pk."groupId" = g."id" AND pk."status" = 'PUBLISHED')::int,
         progress_group_quiet(g."id"),
         progress_group_median(g."id", 'ONLINE'),
         progress_group_median(g."id", 'MAIL')
    FROM "Group" g
   WHERE g."id" = p_group
  ON CONFLICT ("groupId") DO UPDATE SET "activeMembers" = EXCLUDED."activeMembers", "lessonsCovered" = EXCLUDED."lessonsCovered",
    "quiet" = EXCLUDED."quiet", "medianOnlineDays" = EXCLUDED."medianOnlineDays", "medianMailDays" = EXCLUDED."medianMailDays";
  IF NOT FOUND THEN DELETE FROM "ProgressGroup" WHERE "groupId" = p_group; END IF;
END $$;

-- Each group a statement touched, once, in a fixed order (no deadlocks), as progress_refresh_groups.
CREATE FUNCTION progress_refresh_groups_with(p_groups text[], p_refresh text) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  gid text;
BEGIN
  FOR gid IN SELECT DISTINCT x FROM unnest(p_groups) x WHERE x IS NOT NULL ORDER BY x LOOP
    IF p_refresh = 'quiet' THEN PERFORM progress_refresh_group_quiet(gid);
    ELSE PERFORM progress_refresh_group_medians(gid);
    END IF;
  END LOOP;
END $$;

-- A member's last answered pack changes only the quiet count.
CREATE OR REPLACE FUNCTION progress_group_on_progress_member() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM progress_refresh_groups_with(ARRAY(SELECT "groupId" FROM new_rows), 'quiet');
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM progress_refresh_groups_with(ARRAY(SELECT "groupId" FROM old_rows), 'quiet');
  ELSE
    PERFORM progress_refresh_groups_with(ARRAY(
      SELECT unnest(ARRAY[o."groupId", n."groupId"]) FROM old_rows o JOIN new_rows n ON n."memberId" = o."memberId"
       WHERE (o."groupId", o."lastAnsweredNumber") IS DISTINCT FROM (n."groupId", n."lastAnsweredNumber")), 'quiet');
  END IF;
  RETURN NULL;
END $$;

-- The turnaround histogram changes only the medians.
CREATE OR REPLACE FUNCTION progress_group_on_turnaround() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM progress_refresh_groups_with(ARRAY(SELECT "groupId" FROM new_rows), 'medians');
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM progress_refresh_groups_with(ARRAY(SELECT "groupId" FROM old_rows), 'medians');
  ELSE
    PERFORM progress_refresh_groups_with(ARRAY(SELECT "groupId" FROM old_rows UNION SELECT "groupId" FROM new_rows), 'medians');
  END IF;
  RETURN NULL;
END $$;
