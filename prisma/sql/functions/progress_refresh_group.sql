-- One group's dashboard figures (ProgressGroup), recomputed from its own rows (about a hundred
-- members, fifty packs and a few dozen histogram buckets), so it costs about a millisecond. An
-- advisory lock per group serializes two transactions refreshing the same group, and the figures
-- are read in a statement after it, so the later one sees the earlier one's committed rows (no
-- lost update). progress_refresh_group_quiet and progress_refresh_group_medians recompute one
-- figure under the same lock.
CREATE OR REPLACE FUNCTION progress_refresh_group(p_group text) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_advisory_xact_lock(hashtext('progress_group:' || p_group));
  INSERT INTO "ProgressGroup" ("groupId", "activeMembers", "lessonsCovered", "quiet", "medianOnlineDays", "medianMailDays", "medianEmessageDays")
  SELECT g."id",
         (SELECT count(*) FROM "Member" m WHERE m."groupId" = g."id" AND m."status" = 'ACTIVE')::int,
         (SELECT count(DISTINCT pl."lessonId") FROM "Pack" pk JOIN "PackLesson" pl ON pl."packId" = pk."id"
           WHERE pk."groupId" = g."id" AND pk."status" = 'PUBLISHED')::int,
         progress_group_quiet(g."id"),
         progress_group_median(g."id", 'ONLINE'),
         progress_group_median(g."id", 'MAIL'),
         progress_group_median(g."id", 'EMESSAGE')
    FROM "Group" g
   WHERE g."id" = p_group
  ON CONFLICT ("groupId") DO UPDATE SET "activeMembers" = EXCLUDED."activeMembers", "lessonsCovered" = EXCLUDED."lessonsCovered",
    "quiet" = EXCLUDED."quiet", "medianOnlineDays" = EXCLUDED."medianOnlineDays", "medianMailDays" = EXCLUDED."medianMailDays",
    "medianEmessageDays" = EXCLUDED."medianEmessageDays";
  IF NOT FOUND THEN DELETE FROM "ProgressGroup" WHERE "groupId" = p_group; END IF;
END $$;
