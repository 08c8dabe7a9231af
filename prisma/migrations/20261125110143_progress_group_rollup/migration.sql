-- CreateTable
CREATE TABLE "ProgressGroup" (
    "groupId" TEXT NOT NULL,
    "activeMembers" INTEGER NOT NULL,
    "lessonsCovered" INTEGER NOT NULL,
    "quiet" INTEGER NOT NULL,
    "medianOnlineDays" INTEGER,
    "medianMailDays" INTEGER,

    CONSTRAINT "ProgressGroup_pkey" PRIMARY KEY ("groupId")
);

-- ───────────── Hand-written (docs/decisions/009-progress-rollups.md) ─────────────
-- One group's dashboard figures, recomputed from its own rows (about a hundred members, fifty
-- packs and a few dozen histogram buckets), so it costs about a millisecond. An advisory lock per
-- group serializes two transactions refreshing the same group, and the figures are read in a
-- statement after it, so the later one sees the earlier one's committed rows (no lost update).
CREATE FUNCTION progress_refresh_group(p_group text) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_advisory_xact_lock(hashtext('progress_group:' || p_group));
  INSERT INTO "ProgressGroup" ("groupId", "activeMembers", "lessonsCovered", "quiet", "medianOnlineDays", "medianMailDays")
  SELECT g."id",
         (SELECT count(*) FROM "Member" m WHERE m."groupId" = g."id" AND m."status" = 'ACTIVE')::int,
         (SELECT count(DISTINCT pl."lessonId") FROM "Pack" pk JOIN "PackLesson" pl ON pl."packId" = pk."id"
           WHERE pk."groupId" = g."id" AND pk."status" = 'PUBLISHED')::int,
         -- Quiet: the rule of isQuiet (lib/progress/cell-state.ts): active, joined by the
         -- second-latest published pack, and answered none of the latest two.
         coalesce((SELECT count(*) FROM (SELECT pk."number", pk."publishedAt" FROM "Pack" pk
                                          WHERE pk."groupId" = g."id" AND pk."status" = 'PUBLISHED'
                                          ORDER BY pk."number" DESC OFFSET 1 LIMIT 1) s
                     JOIN "Member" m ON m."groupId" = g."id" AND m."status" = 'ACTIVE' AND m."joinedAt" <= s."publishedAt"
                     LEFT JOIN "ProgressMember" pm ON pm."memberId" = m."id"
                    WHERE coalesce(pm."lastAnsweredNumber", 0) < s."number"), 0)::int,
         progress_group_median(g."id", 'ONLINE'),
         progress_group_median(g."id", 'MAIL')
    FROM "Group" g
   WHERE g."id" = p_group
  ON CONFLICT ("groupId") DO UPDATE SET "activeMembers" = EXCLUDED."activeMembers", "lessonsCovered" = EXCLUDED."lessonsCovered",
    "quiet" = EXCLUDED."quiet", "medianOnlineDays" = EXCLUDED."medianOnlineDays", "medianMailDays" = EXCLUDED."medianMailDays";
  IF NOT FOUND THEN DELETE FROM "ProgressGroup" WHERE "groupId" = p_group; END IF;
END $$;

-- The lower median of one group's turnaround histogram for a channel; null when it is empty.
CREATE FUNCTION progress_group_median(p_group text, p_channel "Channel") RETURNS int LANGUAGE sql STABLE AS $$
  SELECT min(h."days") FILTER (WHERE 2 * h."seen" >= h."total")::int
    FROM (SELECT t."days",
                 sum(t."cells") OVER (ORDER BY t."days") AS "seen",
                 sum(t."cells") OVER () AS "total"
            FROM "ProgressTurnaround" t
           WHERE t."groupId" = p_group AND t."channel" = p_channel AND t."cells" > 0) h
$$;

-- Statement triggers with transition tables: one refresh per group a statement touched, in a
-- fixed order (no deadlocks between two statements touching the same groups), and none for
-- updates that change nothing the figures depend on (Prisma rewrites whole rows).
CREATE FUNCTION progress_refresh_groups(p_groups text[]) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  gid text;
BEGIN
  FOR gid IN SELECT DISTINCT x FROM unnest(p_groups) x WHERE x IS NOT NULL ORDER BY x LOOP
    PERFORM progress_refresh_group(gid);
  END LOOP;
END $$;

CREATE FUNCTION progress_group_on_member() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM progress_refresh_groups(ARRAY(SELECT "groupId" FROM new_rows));
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM progress_refresh_groups(ARRAY(SELECT "groupId" FROM old_rows));
  ELSE
    PERFORM progress_refresh_groups(ARRAY(
      SELECT unnest(ARRAY[o."groupId", n."groupId"]) FROM old_rows o JOIN new_rows n ON n."id" = o."id"
       WHERE (o."groupId", o."status", o."joinedAt") IS DISTINCT FROM (n."groupId", n."status", n."joinedAt")));
  END IF;
  RETURN NULL;
END $$;
CREATE TRIGGER progress_group_member_ins AFTER INSERT ON "Member" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION progress_group_on_member();
CREATE TRIGGER progress_group_member_upd AFTER UPDATE ON "Member" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION progress_group_on_member();
CREATE TRIGGER progress_group_member_del AFTER DELETE ON "Member" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION progress_group_on_member();

CREATE FUNCTION progress_group_on_pack() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM progress_refresh_groups(ARRAY(SELECT "groupId" FROM new_rows WHERE "status" = 'PUBLISHED'));
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM progress_refresh_groups(ARRAY(SELECT "groupId" FROM old_rows WHERE "status" = 'PUBLISHED'));
  ELSE
    PERFORM progress_refresh_groups(ARRAY(
      SELECT unnest(ARRAY[o."groupId", n."groupId"]) FROM old_rows o JOIN new_rows n ON n."id" = o."id"
       WHERE (o."groupId", o."status", o."number", o."publishedAt") IS DISTINCT FROM (n."groupId", n."status", n."number", n."publishedAt")));
  END IF;
  RETURN NULL;
END $$;
CREATE TRIGGER progress_group_pack_ins AFTER INSERT ON "Pack" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION progress_group_on_pack();
CREATE TRIGGER progress_group_pack_upd AFTER UPDATE ON "Pack" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION progress_group_on_pack();
CREATE TRIGGER progress_group_pack_del AFTER DELETE ON "Pack" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION progress_group_on_pack();

-- A published pack's lessons (a deleted pack's cascade finds no Pack row and is covered above).
CREATE FUNCTION progress_group_on_pack_lesson() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM progress_refresh_groups(ARRAY(SELECT pk."groupId" FROM new_rows r JOIN "Pack" pk ON pk."id" = r."packId" WHERE pk."status" = 'PUBLISHED'));
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM progress_refresh_groups(ARRAY(SELECT pk."groupId" FROM old_rows r JOIN "Pack" pk ON pk."id" = r."packId" WHERE pk."status" = 'PUBLISHED'));
  ELSE
    PERFORM progress_refresh_groups(ARRAY(
      SELECT pk."groupId" FROM (SELECT "packId" FROM old_rows UNION SELECT "packId" FROM new_rows) r
        JOIN "Pack" pk ON pk."id" = r."packId" WHERE pk."status" = 'PUBLISHED'));
  END IF;
  RETURN NULL;
END $$;
CREATE TRIGGER progress_group_pack_lesson_ins AFTER INSERT ON "PackLesson" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION progress_group_on_pack_lesson();
CREATE TRIGGER progress_group_pack_lesson_upd AFTER UPDATE ON "PackLesson" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION progress_group_on_pack_lesson();
CREATE TRIGGER progress_group_pack_lesson_del AFTER DELETE ON "PackLesson" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION progress_group_on_pack_lesson();

-- A member's last answered pack (quiet); answeredPacks alone changes nothing here.
CREATE FUNCTION progress_group_on_progress_member() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM progress_refresh_groups(ARRAY(SELECT "groupId" FROM new_rows));
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM progress_refresh_groups(ARRAY(SELECT "groupId" FROM old_rows));
  ELSE
    PERFORM progress_refresh_groups(ARRAY(
      SELECT unnest(ARRAY[o."groupId", n."groupId"]) FROM old_rows o JOIN new_rows n ON n."memberId" = o."memberId"
       WHERE (o."groupId", o."lastAnsweredNumber") IS DISTINCT FROM (n."groupId", n."lastAnsweredNumber")));
  END IF;
  RETURN NULL;
END $$;
CREATE TRIGGER progress_group_pmember_ins AFTER INSERT ON "ProgressMember" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION progress_group_on_progress_member();
CREATE TRIGGER progress_group_pmember_upd AFTER UPDATE ON "ProgressMember" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION progress_group_on_progress_member();
CREATE TRIGGER progress_group_pmember_del AFTER DELETE ON "ProgressMember" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION progress_group_on_progress_member();

-- The turnaround histogram (medians).
CREATE FUNCTION progress_group_on_turnaround() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM progress_refresh_groups(ARRAY(SELECT "groupId" FROM new_rows));
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM progress_refresh_groups(ARRAY(SELECT "groupId" FROM old_rows));
  ELSE
    PERFORM progress_refresh_groups(ARRAY(SELECT "groupId" FROM old_rows UNION SELECT "groupId" FROM new_rows));
  END IF;
  RETURN NULL;
END $$;
CREATE TRIGGER progress_group_turnaround_ins AFTER INSERT ON "ProgressTurnaround" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION progress_group_on_turnaround();
CREATE TRIGGER progress_group_turnaround_upd AFTER UPDATE ON "ProgressTurnaround" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION progress_group_on_turnaround();
CREATE TRIGGER progress_group_turnaround_del AFTER DELETE ON "ProgressTurnaround" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION progress_group_on_turnaround();

-- progress_rebuild() now also fills ProgressGroup.
CREATE OR REPLACE FUNCTION progress_rebuild() RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  LOCK TABLE "ProgressCell", "ProgressPackRollup", "ProgressTurnaround", "ProgressMember", "ProgressFacilityIssue", "ProgressMailing", "ProgressGroup" IN EXCLUSIVE MODE;
  TRUNCATE "ProgressCell", "ProgressPackRollup", "ProgressTurnaround", "ProgressMember", "ProgressFacilityIssue", "ProgressMailing", "ProgressGroup";

  INSERT INTO "ProgressCell" ("packId", "memberId", "groupId", "answeredPrompts", "firstSubmittedAt", "receivedOn",
                              "mailedOn", "feedbackCount", "turnaroundChannel", "turnaroundDays")
  SELECT "packId", "memberId", "groupId", "answeredPrompts", "firstSubmittedAt", "receivedOn",
         "mailedOn", "feedbackCount", "turnaroundChannel", "turnaroundDays"
    FROM "progress_cell_source";

  INSERT INTO "ProgressPackRollup" ("packId", "groupId", "recipients", "respondents")
  SELECT pk."id", pk."groupId",
         (SELECT count(*) FROM "Delivery" d WHERE d."packId" = pk."id")::int,
         (SELECT count(*) FROM "ProgressCell" c WHERE c."packId" = pk."id")::int
    FROM "Pack" pk;
  DELETE FROM "ProgressPackRollup" WHERE "recipients" = 0 AND "respondents" = 0;

  INSERT INTO "ProgressTurnaround" ("groupId", "channel", "days", "cells")
  SELECT "groupId", "turnaroundChannel", "turnaroundDays", count(*)::int
    FROM "ProgressCell" WHERE "turnaroundChannel" IS NOT NULL AND "turnaroundDays" IS NOT NULL
   GROUP BY 1, 2, 3;

  INSERT INTO "ProgressMember" ("memberId", "groupId", "answeredPacks", "lastAnsweredNumber")
  SELECT c."memberId", min(c."groupId"), count(*)::int, max(pk."number")
    FROM "ProgressCell" c JOIN "Pack" pk ON pk."id" = c."packId"
   GROUP BY c."memberId";

  INSERT INTO "ProgressFacilityIssue" ("organizationId", "facility", "status", "reason", "count")
  SELECT p."organizationId", coalesce(dl."mailedTo" ->> 'facility', f."name", ''), e."status", coalesce(e."reason", ''), count(*)::int
    FROM "DeliveryEvent" e
    JOIN "Delivery" dl ON dl."id" = e."deliveryId"
    JOIN "Member" m ON m."id" = dl."memberId"
    JOIN "Person" p ON p."id" = m."personId"
    LEFT JOIN "Facility" f ON f."id" = p."facilityId"
   WHERE e."status" IN ('RETURNED', 'REJECTED')
   GROUP BY 1, 2, 3, 4;

  INSERT INTO "ProgressMailing" ("deliveryId", "groupId", "mailedOn", "refusalStatus", "refusalReason")
  SELECT d."id", pk."groupId", ev."mailedOn", ev."refusal"[1]::"DeliveryStatus", ev."reason"[1]
    FROM (SELECT e."deliveryId",
                 max(e."occurredOn") FILTER (WHERE e."status" IN ('MAILED', 'RESENT')) AS "mailedOn",
                 array_agg(e."status"::text ORDER BY e."createdAt" DESC, e."id" DESC) FILTER (WHERE e."status" IN ('RETURNED', 'REJECTED')) AS "refusal",
                 array_agg(e."reason" ORDER BY e."createdAt" DESC, e."id" DESC) FILTER (WHERE e."status" IN ('RETURNED', 'REJECTED')) AS "reason"
            FROM "DeliveryEvent" e
           WHERE e."status" IN ('MAILED', 'RESENT', 'RETURNED', 'REJECTED')
           GROUP BY e."deliveryId") ev
    JOIN "Delivery" d ON d."id" = ev."deliveryId"
    JOIN "Pack" pk ON pk."id" = d."packId";

  -- Last, from the rollups above (the statement triggers refreshed some groups already; the
  -- TRUNCATE below drops those rows so every group is computed once, the same way).
  TRUNCATE "ProgressGroup";
  PERFORM progress_refresh_group(g."id") FROM "Group" g ORDER BY g."id";
END $$;

-- Databases with data get the group rollups filled in now.
SELECT progress_rebuild();
