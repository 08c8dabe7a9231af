-- AlterTable: each mailing row carries its delivery's pack and member (decision 043), filled in
-- from the deliveries for the rows already there, then required.
ALTER TABLE "ProgressMailing" ADD COLUMN     "memberId" TEXT,
ADD COLUMN     "packId" TEXT;
UPDATE "ProgressMailing" pm SET "packId" = d."packId", "memberId" = d."memberId" FROM "Delivery" d WHERE d."id" = pm."deliveryId";
DELETE FROM "ProgressMailing" WHERE "packId" IS NULL;
ALTER TABLE "ProgressMailing" ALTER COLUMN "memberId" SET NOT NULL, ALTER COLUMN "packId" SET NOT NULL;

-- CreateIndex
CREATE INDEX "ProgressMailing_packId_memberId_idx" ON "ProgressMailing"("packId", "memberId");

-- ───────────── prisma/sql/functions (docs/decisions/020-sql-functions-in-one-place.md) ─────────────
-- Copied by `npm run db:make-migration` from the files named below, which hold the current
-- text: change those, never this copy.

-- prisma/sql/functions/progress_rebuild.sql
-- Recomputes every progress rollup from the base tables, set-based: for after a bulk load that ran
-- with the triggers off (session_replication_role = replica), or to repair them. The triggers must
-- always leave what this computes (lib/data/progress-rollups.test.ts). Called by
-- rebuildProgressRollups (lib/data/progress-rollups.ts); docs/decisions/009-progress-rollups.md.
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
END $$;

-- prisma/sql/functions/progress_refresh_mailing.sql
-- A mail delivery's last mailing and latest refusal (ProgressMailing), recomputed from its events;
-- the row also carries the delivery's pack and member, which the progress matrix joins on.
CREATE OR REPLACE FUNCTION progress_refresh_mailing(p_delivery text) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "ProgressMailing" ("deliveryId", "groupId", "packId", "memberId", "mailedOn", "refusalStatus", "refusalReason")
  SELECT d."id", pk."groupId", d."packId", d."memberId",
         (SELECT max(e."occurredOn") FROM "DeliveryEvent" e WHERE e."deliveryId" = d."id" AND e."status" IN ('MAILED', 'RESENT')),
         r."status", r."reason"
    FROM "Delivery" d
    JOIN "Pack" pk ON pk."id" = d."packId"
    LEFT JOIN LATERAL (SELECT e."status", e."reason" FROM "DeliveryEvent" e
                        WHERE e."deliveryId" = d."id" AND e."status" IN ('RETURNED', 'REJECTED')
                        ORDER BY e."createdAt" DESC, e."id" DESC LIMIT 1) r ON true
   WHERE d."id" = p_delivery
  ON CONFLICT ("deliveryId") DO UPDATE SET "groupId" = EXCLUDED."groupId", "packId" = EXCLUDED."packId", "memberId" = EXCLUDED."memberId", "mailedOn" = EXCLUDED."mailedOn",
    "refusalStatus" = EXCLUDED."refusalStatus", "refusalReason" = EXCLUDED."refusalReason";
  IF NOT FOUND THEN DELETE FROM "ProgressMailing" WHERE "deliveryId" = p_delivery; END IF;
END $$;
