-- ───────────── Hand-written (docs/decisions/009-progress-rollups.md) ─────────────
-- A member's first answer to a pack recounted all of the member's cells (ProgressMember), with a
-- heap page read per cell: up to 50 scattered pages, 0.3–2 ms of a submit. A new cell only adds
-- one pack, so the count moves by one and the last answered pack number moves up if it is higher.
-- INSERT … ON CONFLICT DO UPDATE with a relative change is also right when two first answers to
-- different packs of one member commit at once (the recount could miss one of them). A cell that
-- goes away still recounts (progress_refresh_member), which is rare (a response deleted or
-- withdrawn) and must find the new last pack. The triggers = rebuild test covers both.
CREATE FUNCTION progress_member_count_cell(p_member text, p_group text, p_pack text) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "ProgressMember" AS pm ("memberId", "groupId", "answeredPacks", "lastAnsweredNumber")
  SELECT p_member, p_group, 1, pk."number" FROM "Pack" pk WHERE pk."id" = p_pack
  ON CONFLICT ("memberId") DO UPDATE
    SET "answeredPacks" = pm."answeredPacks" + 1,
        "lastAnsweredNumber" = greatest(pm."lastAnsweredNumber", EXCLUDED."lastAnsweredNumber");
END $$;

-- progress_refresh_cell of 20261125093431_progress_rollups, with the count above for a new cell.
CREATE OR REPLACE FUNCTION progress_refresh_cell(p_pack text, p_member text) RETURNS void LANGUAGE plpgsql AS $$
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
    PERFORM progress_member_count_cell(p_member, n."groupId", p_pack);
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

-- The quiet count moved the same way: a member's last answered pack changed, so the whole group's
-- quiet count was recomputed (about 1 ms, and an update of the group's one ProgressGroup row,
-- which every writer of the group waits for). A member's change moves the count by at most one:
-- they were quiet before and are not now (an answer to the latest packs), or the other way round
-- (a response withdrawn). Usually neither — a member who keeps up answers the newest pack — and
-- then the group row is not written at all. Same rule as progress_group_quiet; same lock per
-- group, taken before the figures are read, so a concurrent full refresh is seen whole.
CREATE FUNCTION progress_group_quiet_moved(p_group text, p_member text, p_old int, p_new int) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  v_delta int;
BEGIN
  PERFORM pg_advisory_xact_lock(hashtext('progress_group:' || p_group));
  SELECT (coalesce(p_new, 0) < s."number")::int - (coalesce(p_old, 0) < s."number")::int INTO v_delta
    FROM (SELECT pk."number", pk."publishedAt" FROM "Pack" pk
           WHERE pk."groupId" = p_group AND pk."status" = 'PUBLISHED'
           ORDER BY pk."number" DESC OFFSET 1 LIMIT 1) s
    JOIN "Member" m ON m."id" = p_member AND m."groupId" = p_group AND m."status" = 'ACTIVE' AND m."joinedAt" <= s."publishedAt";
  IF coalesce(v_delta, 0) <> 0 THEN
    UPDATE "ProgressGroup" SET "quiet" = "quiet" + v_delta WHERE "groupId" = p_group;
    IF NOT FOUND THEN PERFORM progress_refresh_group(p_group); END IF;
  END IF;
END $$;

-- Inserts and updates move the count member by member (in group order, so locks are taken in
-- one order); a row that changes group, or a delete, recounts as before.
CREATE OR REPLACE FUNCTION progress_group_on_progress_member() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  r record;
BEGIN
  IF TG_OP = 'DELETE' THEN
    PERFORM progress_refresh_groups_with(ARRAY(SELECT "groupId" FROM old_rows), 'quiet');
  ELSIF TG_OP = 'INSERT' THEN
    FOR r IN SELECT n."groupId", n."memberId", n."lastAnsweredNumber" FROM new_rows n ORDER BY n."groupId", n."memberId" LOOP
      PERFORM progress_group_quiet_moved(r."groupId", r."memberId", NULL, r."lastAnsweredNumber");
    END LOOP;
  ELSE
    PERFORM progress_refresh_groups_with(ARRAY(
      SELECT unnest(ARRAY[o."groupId", n."groupId"]) FROM old_rows o JOIN new_rows n ON n."memberId" = o."memberId"
       WHERE o."groupId" IS DISTINCT FROM n."groupId"), 'quiet');
    FOR r IN SELECT n."groupId", n."memberId", o."lastAnsweredNumber" AS "old", n."lastAnsweredNumber" AS "new"
               FROM old_rows o JOIN new_rows n ON n."memberId" = o."memberId"
              WHERE o."groupId" = n."groupId" AND o."lastAnsweredNumber" IS DISTINCT FROM n."lastAnsweredNumber"
              ORDER BY n."groupId", n."memberId" LOOP
      PERFORM progress_group_quiet_moved(r."groupId", r."memberId", r."old", r."new");
    END LOOP;
  END IF;
  RETURN NULL;
END $$;
