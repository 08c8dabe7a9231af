-- AlterTable
ALTER TABLE "ProgressGroup" ADD COLUMN     "medianEmessageDays" INTEGER;

-- ───────────── prisma/sql/functions (docs/decisions/020-sql-functions-in-one-place.md) ─────────────
-- Copied by `npm run db:make-migration` from the files named below, which hold the current
-- text: change those, never this copy.

-- prisma/sql/functions/progress_refresh_group.sql
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

-- prisma/sql/functions/progress_refresh_group_medians.sql
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

-- Groups whose e-message replies came back before this column existed.
UPDATE "ProgressGroup" SET "medianEmessageDays" = progress_group_median("groupId", 'EMESSAGE')
 WHERE EXISTS (SELECT 1 FROM "ProgressTurnaround" t WHERE t."groupId" = "ProgressGroup"."groupId" AND t."channel" = 'EMESSAGE' AND t."cells" > 0);
