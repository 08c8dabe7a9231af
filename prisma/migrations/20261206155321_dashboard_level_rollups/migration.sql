-- CreateTable
CREATE TABLE "ProgressLevelPack" (
    "organizationId" TEXT NOT NULL,
    "level" "GroupLevel" NOT NULL,
    "number" INTEGER NOT NULL,
    "packs" INTEGER NOT NULL DEFAULT 0,
    "recipients" INTEGER NOT NULL DEFAULT 0,
    "respondents" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "ProgressLevelPack_pkey" PRIMARY KEY ("organizationId","level","number")
);

-- CreateTable
CREATE TABLE "ProgressLevelTurnaround" (
    "organizationId" TEXT NOT NULL,
    "level" "GroupLevel" NOT NULL,
    "channel" "Channel" NOT NULL,
    "days" INTEGER NOT NULL,
    "cells" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "ProgressLevelTurnaround_pkey" PRIMARY KEY ("organizationId","level","channel","days")
);

-- ───────────── prisma/sql/functions (docs/decisions/020-sql-functions-in-one-place.md) ─────────────
-- Copied by `npm run db:make-migration` from the files named below, which hold the current
-- text: change those, never this copy.

-- prisma/sql/functions/progress_level_add_pack.sql
-- Adds to one row of ProgressLevelPack: the published packs numbered p_number of the
-- organization's groups at p_level that are not archived, and their recipients and respondents
-- (docs/decisions/051-dashboard-level-rollups.md). The dashboard's rates read these rows, levels ×
-- pack numbers, instead of every pack of the organization.
CREATE OR REPLACE FUNCTION progress_level_add_pack(p_org text, p_level "GroupLevel", p_number int, p_packs int, p_recipients int, p_respondents int) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  IF p_packs = 0 AND p_recipients = 0 AND p_respondents = 0 THEN RETURN; END IF;
  INSERT INTO "ProgressLevelPack" AS l ("organizationId", "level", "number", "packs", "recipients", "respondents")
  VALUES (p_org, p_level, p_number, p_packs, p_recipients, p_respondents)
  ON CONFLICT ("organizationId", "level", "number") DO UPDATE
    SET "packs" = l."packs" + EXCLUDED."packs", "recipients" = l."recipients" + EXCLUDED."recipients", "respondents" = l."respondents" + EXCLUDED."respondents";
END $$;

-- prisma/sql/functions/progress_level_add_turnaround.sql
-- Adds p_cells to one bucket of ProgressLevelTurnaround: the turnaround histogram of the
-- organization's groups at p_level that are not archived (docs/decisions/051).
CREATE OR REPLACE FUNCTION progress_level_add_turnaround(p_org text, p_level "GroupLevel", p_channel "Channel", p_days int, p_cells int) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  IF p_cells = 0 THEN RETURN; END IF;
  INSERT INTO "ProgressLevelTurnaround" AS l ("organizationId", "level", "channel", "days", "cells")
  VALUES (p_org, p_level, p_channel, p_days, p_cells)
  ON CONFLICT ("organizationId", "level", "channel", "days") DO UPDATE SET "cells" = l."cells" + EXCLUDED."cells";
END $$;

-- prisma/sql/functions/progress_level_move_group.sql
-- Adds (p_sign 1) or takes away (p_sign -1) everything one group counts for in the organization ×
-- level rows, under the given organization and level: its published packs with their counters,
-- and its turnaround buckets. Called when a group changes level or organization, is archived or
-- brought back, or is deleted (progress_level_on_group). The group's counters are locked first,
-- so a submit changing them commits before they are read here, or waits and then sees the group as
-- this leaves it.
CREATE OR REPLACE FUNCTION progress_level_move_group(p_group text, p_org text, p_level "GroupLevel", p_sign int) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  PERFORM 1 FROM "ProgressPackRollup" pr JOIN "Pack" pk ON pk."id" = pr."packId" WHERE pk."groupId" = p_group ORDER BY pr."packId" FOR UPDATE OF pr;
  PERFORM 1 FROM "ProgressTurnaround" t WHERE t."groupId" = p_group ORDER BY t."channel", t."days" FOR UPDATE;
  PERFORM progress_level_add_pack(p_org, p_level, s."number", p_sign * s."packs", p_sign * s."recipients", p_sign * s."respondents")
     FROM (SELECT pk."number", count(*)::int AS "packs", coalesce(sum(pr."recipients"), 0)::int AS "recipients", coalesce(sum(pr."respondents"), 0)::int AS "respondents"
             FROM "Pack" pk LEFT JOIN "ProgressPackRollup" pr ON pr."packId" = pk."id"
            WHERE pk."groupId" = p_group AND pk."status" = 'PUBLISHED'
            GROUP BY pk."number" ORDER BY pk."number") s;
  PERFORM progress_level_add_turnaround(p_org, p_level, t."channel", t."days", p_sign * t."cells")
     FROM "ProgressTurnaround" t WHERE t."groupId" = p_group ORDER BY t."channel", t."days";
END $$;

-- prisma/sql/functions/progress_level_on_group.sql
-- A group's place in the organization × level rows changed: another level or organization,
-- archived or brought back (after the update), or deleted (before the delete, while its packs are
-- still there to be counted; their own delete triggers then find no group and change nothing).
-- docs/decisions/051.
CREATE OR REPLACE FUNCTION progress_level_on_group() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF current_setting('studypack.progress_rebuild', true) = 'on' THEN RETURN NULL; END IF;
  IF TG_OP IN ('UPDATE', 'DELETE') AND OLD."archivedAt" IS NULL THEN
    PERFORM progress_level_move_group(OLD."id", OLD."organizationId", OLD."level", -1);
  END IF;
  IF TG_OP = 'UPDATE' AND NEW."archivedAt" IS NULL THEN
    PERFORM progress_level_move_group(NEW."id", NEW."organizationId", NEW."level", 1);
  END IF;
  RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NULL END;
END $$;

CREATE OR REPLACE TRIGGER progress_level_group_upd AFTER UPDATE OF "level", "organizationId", "archivedAt" ON "Group"
  FOR EACH ROW WHEN ((OLD."level", OLD."organizationId", OLD."archivedAt" IS NULL) IS DISTINCT FROM (NEW."level", NEW."organizationId", NEW."archivedAt" IS NULL))
  EXECUTE FUNCTION progress_level_on_group();
CREATE OR REPLACE TRIGGER progress_level_group_del BEFORE DELETE ON "Group" FOR EACH ROW EXECUTE FUNCTION progress_level_on_group();

-- prisma/sql/functions/progress_level_on_pack.sql
-- A pack starts or stops counting in its organization × level rows, or moves between numbers:
-- published or not, renumbered, deleted (docs/decisions/051). Its counters are locked first, so a
-- submit changing them either commits before they are read here, or waits and then sees the pack
-- as this leaves it (progress_level_on_pack_rollup reads the pack after its own change).
CREATE OR REPLACE FUNCTION progress_level_on_pack() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  r record;
  k record;
  v_id text;
BEGIN
  IF current_setting('studypack.progress_rebuild', true) = 'on' THEN RETURN NULL; END IF;
  v_id := CASE WHEN TG_OP = 'DELETE' THEN OLD."id" ELSE NEW."id" END;
  PERFORM 1 FROM "ProgressPackRollup" WHERE "packId" = v_id FOR UPDATE;
  SELECT coalesce(sum("recipients"), 0)::int AS "recipients", coalesce(sum("respondents"), 0)::int AS "respondents" INTO r
    FROM "ProgressPackRollup" WHERE "packId" = v_id;
  IF TG_OP IN ('UPDATE', 'DELETE') AND OLD."status" = 'PUBLISHED' THEN
    SELECT g."organizationId", g."level" INTO k FROM "Group" g WHERE g."id" = OLD."groupId" AND g."archivedAt" IS NULL;
    IF FOUND THEN PERFORM progress_level_add_pack(k."organizationId", k."level", OLD."number", -1, -r."recipients", -r."respondents"); END IF;
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') AND NEW."status" = 'PUBLISHED' THEN
    SELECT g."organizationId", g."level" INTO k FROM "Group" g WHERE g."id" = NEW."groupId" AND g."archivedAt" IS NULL;
    IF FOUND THEN PERFORM progress_level_add_pack(k."organizationId", k."level", NEW."number", 1, r."recipients", r."respondents"); END IF;
  END IF;
  RETURN NULL;
END $$;

CREATE OR REPLACE TRIGGER progress_level_pack_ins AFTER INSERT ON "Pack" FOR EACH ROW WHEN (NEW."status" = 'PUBLISHED') EXECUTE FUNCTION progress_level_on_pack();
CREATE OR REPLACE TRIGGER progress_level_pack_upd AFTER UPDATE OF "status", "number", "groupId" ON "Pack"
  FOR EACH ROW WHEN ((OLD."status", OLD."number", OLD."groupId") IS DISTINCT FROM (NEW."status", NEW."number", NEW."groupId")) EXECUTE FUNCTION progress_level_on_pack();
CREATE OR REPLACE TRIGGER progress_level_pack_del AFTER DELETE ON "Pack" FOR EACH ROW WHEN (OLD."status" = 'PUBLISHED') EXECUTE FUNCTION progress_level_on_pack();

-- prisma/sql/functions/progress_level_on_pack_rollup.sql
-- A pack's counters moved (ProgressPackRollup): the same change goes to its organization × level ×
-- number row, when the pack counts there (published, in a group that is not archived). A pack
-- that does not count yet is added whole when it starts to (progress_level_on_pack,
-- progress_level_on_group). Skipped while progress_rebuild runs: it recomputes the level rows last.
CREATE OR REPLACE FUNCTION progress_level_on_pack_rollup() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  v_pack text;
  v_recipients int;
  v_respondents int;
  k record;
BEGIN
  IF current_setting('studypack.progress_rebuild', true) = 'on' THEN RETURN NULL; END IF;
  IF TG_OP = 'INSERT' THEN
    v_pack := NEW."packId"; v_recipients := NEW."recipients"; v_respondents := NEW."respondents";
  ELSIF TG_OP = 'DELETE' THEN
    v_pack := OLD."packId"; v_recipients := -OLD."recipients"; v_respondents := -OLD."respondents";
  ELSE
    v_pack := NEW."packId"; v_recipients := NEW."recipients" - OLD."recipients"; v_respondents := NEW."respondents" - OLD."respondents";
  END IF;
  IF v_recipients = 0 AND v_respondents = 0 THEN RETURN NULL; END IF;
  SELECT g."organizationId", g."level", pk."number" INTO k
    FROM "Pack" pk JOIN "Group" g ON g."id" = pk."groupId"
   WHERE pk."id" = v_pack AND pk."status" = 'PUBLISHED' AND g."archivedAt" IS NULL;
  IF FOUND THEN PERFORM progress_level_add_pack(k."organizationId", k."level", k."number", 0, v_recipients, v_respondents); END IF;
  RETURN NULL;
END $$;

CREATE OR REPLACE TRIGGER progress_level_pack_rollup AFTER INSERT OR UPDATE OR DELETE ON "ProgressPackRollup" FOR EACH ROW EXECUTE FUNCTION progress_level_on_pack_rollup();

-- prisma/sql/functions/progress_level_on_turnaround.sql
-- A group's turnaround bucket moved (ProgressTurnaround): the same change goes to its
-- organization × level bucket, when the group is not archived. Skipped while progress_rebuild
-- runs: it recomputes the level rows last (docs/decisions/051).
CREATE OR REPLACE FUNCTION progress_level_on_turnaround() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  v_group text;
  v_channel "Channel";
  v_days int;
  v_cells int;
  k record;
BEGIN
  IF current_setting('studypack.progress_rebuild', true) = 'on' THEN RETURN NULL; END IF;
  IF TG_OP = 'INSERT' THEN
    v_group := NEW."groupId"; v_channel := NEW."channel"; v_days := NEW."days"; v_cells := NEW."cells";
  ELSIF TG_OP = 'DELETE' THEN
    v_group := OLD."groupId"; v_channel := OLD."channel"; v_days := OLD."days"; v_cells := -OLD."cells";
  ELSE
    -- A bucket's key never changes (progress_bump_turnaround moves cells, not keys).
    v_group := NEW."groupId"; v_channel := NEW."channel"; v_days := NEW."days"; v_cells := NEW."cells" - OLD."cells";
  END IF;
  IF v_cells = 0 THEN RETURN NULL; END IF;
  SELECT g."organizationId", g."level" INTO k FROM "Group" g WHERE g."id" = v_group AND g."archivedAt" IS NULL;
  IF FOUND THEN PERFORM progress_level_add_turnaround(k."organizationId", k."level", v_channel, v_days, v_cells); END IF;
  RETURN NULL;
END $$;

CREATE OR REPLACE TRIGGER progress_level_turnaround AFTER INSERT OR UPDATE OR DELETE ON "ProgressTurnaround" FOR EACH ROW EXECUTE FUNCTION progress_level_on_turnaround();

-- prisma/sql/functions/progress_rebuild.sql
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

-- ───────────── Data: the level rows from the rollups already there ─────────────
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
