-- CreateTable
CREATE TABLE "ProgressCell" (
    "packId" TEXT NOT NULL,
    "memberId" TEXT NOT NULL,
    "groupId" TEXT NOT NULL,
    "answeredPrompts" INTEGER NOT NULL,
    "firstSubmittedAt" TIMESTAMP(3),
    "receivedOn" DATE,
    "mailedOn" DATE,
    "feedbackCount" INTEGER NOT NULL,
    "turnaroundChannel" "Channel",
    "turnaroundDays" INTEGER,

    CONSTRAINT "ProgressCell_pkey" PRIMARY KEY ("packId","memberId")
);

-- CreateTable
CREATE TABLE "ProgressPackRollup" (
    "packId" TEXT NOT NULL,
    "groupId" TEXT NOT NULL,
    "recipients" INTEGER NOT NULL DEFAULT 0,
    "respondents" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "ProgressPackRollup_pkey" PRIMARY KEY ("packId")
);

-- CreateTable
CREATE TABLE "ProgressTurnaround" (
    "groupId" TEXT NOT NULL,
    "channel" "Channel" NOT NULL,
    "days" INTEGER NOT NULL,
    "cells" INTEGER NOT NULL,

    CONSTRAINT "ProgressTurnaround_pkey" PRIMARY KEY ("groupId","channel","days")
);

-- CreateTable
CREATE TABLE "ProgressMember" (
    "memberId" TEXT NOT NULL,
    "groupId" TEXT NOT NULL,
    "answeredPacks" INTEGER NOT NULL,
    "lastAnsweredNumber" INTEGER,

    CONSTRAINT "ProgressMember_pkey" PRIMARY KEY ("memberId")
);

-- CreateTable
CREATE TABLE "ProgressFacilityIssue" (
    "organizationId" TEXT NOT NULL,
    "facility" TEXT NOT NULL,
    "status" "DeliveryStatus" NOT NULL,
    "reason" TEXT NOT NULL,
    "count" INTEGER NOT NULL,

    CONSTRAINT "ProgressFacilityIssue_pkey" PRIMARY KEY ("organizationId","facility","status","reason")
);

-- CreateIndex
CREATE INDEX "ProgressCell_groupId_idx" ON "ProgressCell"("groupId");

-- CreateIndex
CREATE INDEX "ProgressCell_memberId_idx" ON "ProgressCell"("memberId");

-- CreateIndex
CREATE INDEX "ProgressPackRollup_groupId_idx" ON "ProgressPackRollup"("groupId");

-- CreateIndex
CREATE INDEX "ProgressMember_groupId_idx" ON "ProgressMember"("groupId");

-- ───────────── Keeping the rollups up to date (docs/decisions/009-progress-rollups.md) ─────────────
-- Hand-written below the generated part. Every write path (online submits, transcription,
-- feedback, publishing, the mail log, bulk loads) goes through these triggers, so the
-- dashboard reads counters instead of aggregating the responses on each request.

-- What a member × pack cell should hold, computed from the base tables. A filter on
-- "packId" and "memberId" is pushed down into it, so a trigger computes one cell cheaply;
-- progress_rebuild() reads it whole.
CREATE VIEW "progress_cell_source" AS
SELECT c."packId", c."memberId", c."groupId", c."answeredPrompts", c."firstSubmittedAt",
       c."receivedOn", ml."mailedOn", c."feedbackCount",
       CASE WHEN c."receivedOn" IS NOT NULL THEN (CASE WHEN ml."mailedOn" IS NOT NULL THEN 'MAIL'::"Channel" END)
            WHEN c."publishedAt" IS NOT NULL AND c."firstSubmittedAt" IS NOT NULL THEN 'ONLINE'::"Channel" END AS "turnaroundChannel",
       CASE WHEN c."receivedOn" IS NOT NULL THEN greatest(c."receivedOn" - ml."mailedOn", 0)
            WHEN c."publishedAt" IS NOT NULL AND c."firstSubmittedAt" IS NOT NULL
              THEN greatest(c."firstSubmittedAt"::date - c."publishedAt"::date, 0) END AS "turnaroundDays"
  FROM (
    SELECT r."packId", r."memberId", pk."groupId", pk."publishedAt",
           count(*)::int AS "answeredPrompts",
           min(r."submittedAt") AS "firstSubmittedAt",
           min(r."receivedOn") FILTER (WHERE r."source" = 'TRANSCRIBED') AS "receivedOn",
           coalesce(sum(fb.n), 0)::int AS "feedbackCount"
      FROM "Response" r
      JOIN "Pack" pk ON pk."id" = r."packId"
      LEFT JOIN LATERAL (SELECT count(*) AS n FROM "Feedback" f WHERE f."responseId" = r."id") fb ON true
     WHERE r."status" = 'SUBMITTED'
     GROUP BY r."packId", r."memberId", pk."groupId", pk."publishedAt"
  ) c
  LEFT JOIN LATERAL (
    SELECT coalesce(max(e."occurredOn") FILTER (WHERE c."receivedOn" IS NULL OR e."occurredOn" <= c."receivedOn"),
                    min(e."occurredOn")) AS "mailedOn"
      FROM "Delivery" d JOIN "DeliveryEvent" e ON e."deliveryId" = d."id"
     WHERE d."packId" = c."packId" AND d."memberId" = c."memberId" AND d."channel" = 'MAIL'
       AND e."status" IN ('MAILED', 'RESENT')
  ) ml ON true;

-- A member's answered packs, from their cells.
CREATE FUNCTION progress_refresh_member(p_member text) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "ProgressMember" ("memberId", "groupId", "answeredPacks", "lastAnsweredNumber")
  SELECT c."memberId", min(c."groupId"), count(*)::int, max(pk."number")
    FROM "ProgressCell" c JOIN "Pack" pk ON pk."id" = c."packId"
   WHERE c."memberId" = p_member
   GROUP BY c."memberId"
  ON CONFLICT ("memberId") DO UPDATE
    SET "answeredPacks" = EXCLUDED."answeredPacks", "lastAnsweredNumber" = EXCLUDED."lastAnsweredNumber";
  IF NOT FOUND THEN DELETE FROM "ProgressMember" WHERE "memberId" = p_member; END IF;
END $$;

CREATE FUNCTION progress_bump_turnaround(p_group text, p_channel "Channel", p_days int, p_delta int) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  IF p_channel IS NULL OR p_days IS NULL THEN RETURN; END IF;
  INSERT INTO "ProgressTurnaround" ("groupId", "channel", "days", "cells") VALUES (p_group, p_channel, p_days, p_delta)
  ON CONFLICT ("groupId", "channel", "days") DO UPDATE SET "cells" = "ProgressTurnaround"."cells" + p_delta;
  DELETE FROM "ProgressTurnaround" WHERE "groupId" = p_group AND "channel" = p_channel AND "days" = p_days AND "cells" <= 0;
END $$;

-- Recomputes one cell and moves the counters that depend on it by the difference.
CREATE FUNCTION progress_refresh_cell(p_pack text, p_member text) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  o record;
  n record;
  had boolean;
  has boolean;
BEGIN
  -- Two writes to the same cell (two prompts submitted at once) take turns, so the second
  -- sees the first's rows and the counters move once.
  PERFORM pg_advisory_xact_lock(hashtext('progress:' || p_pack || ':' || p_member));
  SELECT * INTO o FROM "ProgressCell" WHERE "packId" = p_pack AND "memberId" = p_member;
  had := FOUND;
  SELECT * INTO n FROM "progress_cell_source" WHERE "packId" = p_pack AND "memberId" = p_member;
  has := FOUND;

  IF has THEN
    INSERT INTO "ProgressCell" ("packId", "memberId", "groupId", "answeredPrompts", "firstSubmittedAt", "receivedOn",
                                "mailedOn", "feedbackCount", "turnaroundChannel", "turnaroundDays")
    VALUES (n."packId", n."memberId", n."groupId", n."answeredPrompts", n."firstSubmittedAt", n."receivedOn",
            n."mailedOn", n."feedbackCount", n."turnaroundChannel", n."turnaroundDays")
    ON CONFLICT ("packId", "memberId") DO UPDATE SET
      "groupId" = EXCLUDED."groupId", "answeredPrompts" = EXCLUDED."answeredPrompts",
      "firstSubmittedAt" = EXCLUDED."firstSubmittedAt", "receivedOn" = EXCLUDED."receivedOn",
      "mailedOn" = EXCLUDED."mailedOn", "feedbackCount" = EXCLUDED."feedbackCount",
      "turnaroundChannel" = EXCLUDED."turnaroundChannel", "turnaroundDays" = EXCLUDED."turnaroundDays";
  ELSIF had THEN
    DELETE FROM "ProgressCell" WHERE "packId" = p_pack AND "memberId" = p_member;
  END IF;

  IF has AND NOT had THEN
    INSERT INTO "ProgressPackRollup" ("packId", "groupId", "respondents") VALUES (p_pack, n."groupId", 1)
    ON CONFLICT ("packId") DO UPDATE SET "respondents" = "ProgressPackRollup"."respondents" + 1;
    PERFORM progress_refresh_member(p_member);
  ELSIF had AND NOT has THEN
    UPDATE "ProgressPackRollup" SET "respondents" = "respondents" - 1 WHERE "packId" = p_pack;
    PERFORM progress_refresh_member(p_member);
  END IF;

  IF had AND (NOT has OR o."turnaroundChannel" IS DISTINCT FROM n."turnaroundChannel" OR o."turnaroundDays" IS DISTINCT FROM n."turnaroundDays") THEN
    PERFORM progress_bump_turnaround(o."groupId", o."turnaroundChannel", o."turnaroundDays", -1);
  END IF;
  IF has AND (NOT had OR o."turnaroundChannel" IS DISTINCT FROM n."turnaroundChannel" OR o."turnaroundDays" IS DISTINCT FROM n."turnaroundDays") THEN
    PERFORM progress_bump_turnaround(n."groupId", n."turnaroundChannel", n."turnaroundDays", 1);
  END IF;
END $$;

CREATE FUNCTION progress_on_response() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') THEN PERFORM progress_refresh_cell(OLD."packId", OLD."memberId"); END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') AND (TG_OP = 'INSERT' OR NEW."packId" <> OLD."packId" OR NEW."memberId" <> OLD."memberId") THEN
    PERFORM progress_refresh_cell(NEW."packId", NEW."memberId");
  END IF;
  RETURN NULL;
END $$;

-- Autosaved drafts change none of these columns, so they do not touch the rollups.
CREATE TRIGGER "progress_response_insert" AFTER INSERT ON "Response"
  FOR EACH ROW WHEN (NEW."status" = 'SUBMITTED') EXECUTE FUNCTION progress_on_response();
CREATE TRIGGER "progress_response_update" AFTER UPDATE OF "status", "submittedAt", "receivedOn", "source", "packId", "memberId" ON "Response"
  FOR EACH ROW WHEN (OLD."status" IS DISTINCT FROM NEW."status" OR OLD."submittedAt" IS DISTINCT FROM NEW."submittedAt"
                     OR OLD."receivedOn" IS DISTINCT FROM NEW."receivedOn" OR OLD."source" IS DISTINCT FROM NEW."source"
                     OR OLD."packId" IS DISTINCT FROM NEW."packId" OR OLD."memberId" IS DISTINCT FROM NEW."memberId")
  EXECUTE FUNCTION progress_on_response();
CREATE TRIGGER "progress_response_delete" AFTER DELETE ON "Response"
  FOR EACH ROW WHEN (OLD."status" = 'SUBMITTED') EXECUTE FUNCTION progress_on_response();

CREATE FUNCTION progress_on_feedback() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE r record;
BEGIN
  FOR r IN SELECT DISTINCT x."packId", x."memberId" FROM "Response" x
            WHERE x."id" IN (CASE WHEN TG_OP <> 'INSERT' THEN OLD."responseId" END, CASE WHEN TG_OP <> 'DELETE' THEN NEW."responseId" END)
  LOOP
    PERFORM progress_refresh_cell(r."packId", r."memberId");
  END LOOP;
  RETURN NULL;
END $$;
CREATE TRIGGER "progress_feedback" AFTER INSERT OR DELETE OR UPDATE OF "responseId" ON "Feedback"
  FOR EACH ROW EXECUTE FUNCTION progress_on_feedback();

-- Deliveries are the recipients of a pack.
CREATE FUNCTION progress_on_delivery() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO "ProgressPackRollup" ("packId", "groupId", "recipients")
    SELECT NEW."packId", pk."groupId", 1 FROM "Pack" pk WHERE pk."id" = NEW."packId"
    ON CONFLICT ("packId") DO UPDATE SET "recipients" = "ProgressPackRollup"."recipients" + 1;
  ELSE
    UPDATE "ProgressPackRollup" SET "recipients" = "recipients" - 1 WHERE "packId" = OLD."packId";
  END IF;
  RETURN NULL;
END $$;
CREATE TRIGGER "progress_delivery" AFTER INSERT OR DELETE ON "Delivery"
  FOR EACH ROW EXECUTE FUNCTION progress_on_delivery();

-- A mailing changes a mail cell's turnaround; a return or rejection counts against the
-- facility it was mailed to.
CREATE FUNCTION progress_on_delivery_event() RETURNS trigger LANGUAGE plpgsql AS $$
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
CREATE TRIGGER "progress_delivery_event" AFTER INSERT OR DELETE ON "DeliveryEvent"
  FOR EACH ROW EXECUTE FUNCTION progress_on_delivery_event();

-- Publishing (or unpublishing) a pack moves its online turnarounds.
CREATE FUNCTION progress_on_pack() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE c record;
BEGIN
  FOR c IN SELECT "memberId" FROM "ProgressCell" WHERE "packId" = NEW."id" LOOP
    PERFORM progress_refresh_cell(NEW."id", c."memberId");
  END LOOP;
  RETURN NULL;
END $$;
CREATE TRIGGER "progress_pack" AFTER UPDATE OF "publishedAt" ON "Pack"
  FOR EACH ROW WHEN (OLD."publishedAt" IS DISTINCT FROM NEW."publishedAt") EXECUTE FUNCTION progress_on_pack();

-- Recomputes every rollup from the base tables, set-based. Bulk loads may disable the
-- triggers above (session_replication_role = replica) and call this afterwards.
CREATE FUNCTION progress_rebuild() RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  LOCK TABLE "ProgressCell", "ProgressPackRollup", "ProgressTurnaround", "ProgressMember", "ProgressFacilityIssue" IN EXCLUSIVE MODE;
  TRUNCATE "ProgressCell", "ProgressPackRollup", "ProgressTurnaround", "ProgressMember", "ProgressFacilityIssue";

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
END $$;
