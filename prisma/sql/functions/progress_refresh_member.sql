-- Recounts a member's answered packs and last answered pack (ProgressMember) from their cells; a
-- member with no cell left loses the row.
CREATE OR REPLACE FUNCTION progress_refresh_member(p_member text) RETURNS void LANGUAGE plpgsql AS $$
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
