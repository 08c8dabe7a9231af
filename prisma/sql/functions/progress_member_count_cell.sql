-- A member's first answer to a pack adds one to their answered packs and raises their last answered
-- pack number if it is higher: a relative change (INSERT … ON CONFLICT DO UPDATE), so two first
-- answers to different packs of one member that commit at once both count, and no recount of the
-- member's cells (up to 50 scattered heap pages, 0.3–2 ms of a submit). A cell that goes away
-- recounts instead (progress_refresh_member): rare, and it must find the new last pack.
-- (docs/decisions/016-submit-route.md)
CREATE OR REPLACE FUNCTION progress_member_count_cell(p_member text, p_group text, p_pack text) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "ProgressMember" AS pm ("memberId", "groupId", "answeredPacks", "lastAnsweredNumber")
  SELECT p_member, p_group, 1, pk."number" FROM "Pack" pk WHERE pk."id" = p_pack
  ON CONFLICT ("memberId") DO UPDATE
    SET "answeredPacks" = pm."answeredPacks" + 1,
        "lastAnsweredNumber" = greatest(pm."lastAnsweredNumber", EXCLUDED."lastAnsweredNumber");
END $$;
