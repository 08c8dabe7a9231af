-- Recomputes every progress rollup from the base tables, set-based: for after a bulk load that ran
-- with the triggers off (session_replication_role = replica), or to repair them. The triggers must
-- always leave what this computes (lib/data/progress-rollups.test.ts). Called by
-- rebuildProgressRollups (lib/data/progress-rollups.ts); docs/decisions/009-progress-rollups.md.
CREATE OR REPLACE FUNCTION progress_rebuild() RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  LOCK TABLE "ProgressCell", "ProgressPackRollup", "ProgressTurnaround", "ProgressMember", "ProgressFacilityIssue", "ProgressMailing", "ProgressGroup",
             "ProgressLevelPack", "ProgressLevelTurnaround" IN EXCLUSIVE MODE;
  -- The organization × level rows are computed last, from the rows below; their row triggers
  -- (progress_level_*) would only add to what is replaced, so they stand aside until then.
  PERFORM set_config('studypack.progress_rebuild', 'on', true);
  TRUNCATE "ProgressCell", "ProgressPackRollup", "ProgressTurnaround", "ProgressMember", "ProgressFacilityIssue", "ProgressMailing", "ProgressGroup",
           "ProgressLevelPack", "ProgressLevelTurnaround";

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

  INSERT INTO "ProgressMailing" ("deliveryId", "groupId", "packId", "memberId", "mailedOn", "refusalStatus", "refusalReason")
  SELECT d."id", pk."groupId", d."packId", d."memberId", ev."mailedOn", ev."refusal"[1]::"DeliveryStatus", ev."reason"[1]
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

  -- Per organization × level (docs/decisions/051): published packs of groups not archived.
  INSERT INTO "ProgressLevelPack" ("organizationId", "level", "number", "packs", "recipients", "respondents")
  SELECT g."organizationId", g."level", pk."number", count(*)::int, coalesce(sum(pr."recipients"), 0)::int, coalesce(sum(pr."respondents"), 0)::int
    FROM "Pack" pk JOIN "Group" g ON g."id" = pk."groupId" LEFT JOIN "ProgressPackRollup" pr ON pr."packId" = pk."id"
   WHERE pk."status" = 'PUBLISHED' AND g."archivedAt" IS NULL
   GROUP BY 1, 2, 3;
  INSERT INTO "ProgressLevelTurnaround" ("organizationId", "level", "channel", "days", "cells")
  SELECT g."organizationId", g."level", t."channel", t."days", sum(t."cells")::int
    FROM "ProgressTurnaround" t JOIN "Group" g ON g."id" = t."groupId"
   WHERE g."archivedAt" IS NULL
   GROUP BY 1, 2, 3, 4;
  PERFORM set_config('studypack.progress_rebuild', 'off', true);
END $$;
