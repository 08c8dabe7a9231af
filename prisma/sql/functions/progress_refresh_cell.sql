-- Recomputes one member × pack cell (ProgressCell) from the view progress_cell_source (a filter on
-- pack and member is pushed into it) and moves the counters that depend on it by the difference:
-- the pack's respondents, the member's answered packs, the group's turnaround histogram.
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
