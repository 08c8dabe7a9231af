-- CreateTable
CREATE TABLE "ProgressMailing" (
    "deliveryId" TEXT NOT NULL,
    "groupId" TEXT NOT NULL,
    "mailedOn" DATE,
    "refusalStatus" "DeliveryStatus",
    "refusalReason" TEXT,

    CONSTRAINT "ProgressMailing_pkey" PRIMARY KEY ("deliveryId")
);

-- CreateIndex
CREATE INDEX "ProgressMailing_groupId_idx" ON "ProgressMailing"("groupId");

-- ───────────── Hand-written (docs/decisions/009-progress-rollups.md) ─────────────
-- A mail delivery's last mailing and latest refusal, recomputed from its events.
CREATE FUNCTION progress_refresh_mailing(p_delivery text) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "ProgressMailing" ("deliveryId", "groupId", "mailedOn", "refusalStatus", "refusalReason")
  SELECT d."id", pk."groupId",
         (SELECT max(e."occurredOn") FROM "DeliveryEvent" e WHERE e."deliveryId" = d."id" AND e."status" IN ('MAILED', 'RESENT')),
         r."status", r."reason"
    FROM "Delivery" d
    JOIN "Pack" pk ON pk."id" = d."packId"
    LEFT JOIN LATERAL (SELECT e."status", e."reason" FROM "DeliveryEvent" e
                        WHERE e."deliveryId" = d."id" AND e."status" IN ('RETURNED', 'REJECTED')
                        ORDER BY e."createdAt" DESC, e."id" DESC LIMIT 1) r ON true
   WHERE d."id" = p_delivery
  ON CONFLICT ("deliveryId") DO UPDATE SET "groupId" = EXCLUDED."groupId", "mailedOn" = EXCLUDED."mailedOn",
    "refusalStatus" = EXCLUDED."refusalStatus", "refusalReason" = EXCLUDED."refusalReason";
  IF NOT FOUND THEN DELETE FROM "ProgressMailing" WHERE "deliveryId" = p_delivery; END IF;
END $$;

-- The delivery-event trigger (mailings, resends, returns, rejections only) now also keeps
-- ProgressMailing.
CREATE OR REPLACE FUNCTION progress_on_delivery_event() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  e record;
  d record;
  delta int;
BEGIN
  IF TG_OP = 'INSERT' THEN e := NEW; delta := 1; ELSE e := OLD; delta := -1; END IF;
  SELECT dl."packId", dl."memberId", coalesce(dl."mailedTo" ->> 'facility', f."name", '') AS facility, p."organizationId"
    INTO d
    FROM "Delivery" dl
    JOIN "Member" m ON m."id" = dl."memberId"
    JOIN "Person" p ON p."id" = m."personId"
    LEFT JOIN "Facility" f ON f."id" = p."facilityId"
   WHERE dl."id" = e."deliveryId";
  IF NOT FOUND THEN RETURN NULL; END IF;
  PERFORM progress_refresh_mailing(e."deliveryId");
  IF e."status" IN ('MAILED', 'RESENT') THEN
    IF EXISTS (SELECT 1 FROM "ProgressCell" WHERE "packId" = d."packId" AND "memberId" = d."memberId") THEN
      PERFORM progress_refresh_cell(d."packId", d."memberId");
    END IF;
  ELSIF e."status" IN ('RETURNED', 'REJECTED') THEN
    INSERT INTO "ProgressFacilityIssue" ("organizationId", "facility", "status", "reason", "count")
    VALUES (d."organizationId", d.facility, e."status", coalesce(e."reason", ''), delta)
    ON CONFLICT ("organizationId", "facility", "status", "reason") DO UPDATE SET "count" = "ProgressFacilityIssue"."count" + delta;
  END IF;
  RETURN NULL;
END $$;

-- A deleted delivery takes its mailing row with it.
CREATE OR REPLACE FUNCTION progress_on_delivery() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO "ProgressPackRollup" ("packId", "groupId", "recipients")
    SELECT NEW."packId", pk."groupId", 1 FROM "Pack" pk WHERE pk."id" = NEW."packId"
    ON CONFLICT ("packId") DO UPDATE SET "recipients" = "ProgressPackRollup"."recipients" + 1;
  ELSE
    UPDATE "ProgressPackRollup" SET "recipients" = "recipients" - 1 WHERE "packId" = OLD."packId";
    DELETE FROM "ProgressMailing" WHERE "deliveryId" = OLD."id";
  END IF;
  RETURN NULL;
END $$;

CREATE OR REPLACE FUNCTION progress_rebuild() RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  LOCK TABLE "ProgressCell", "ProgressPackRollup", "ProgressTurnaround", "ProgressMember", "ProgressFacilityIssue", "ProgressMailing" IN EXCLUSIVE MODE;
  TRUNCATE "ProgressCell", "ProgressPackRollup", "ProgressTurnaround", "ProgressMember", "ProgressFacilityIssue", "ProgressMailing";

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
END $$;

-- Databases that had data before the rollups existed get them filled in now.
SELECT progress_rebuild();
