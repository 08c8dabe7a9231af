-- A member's last answered pack changes only the group's quiet count. Inserts and updates move
-- the count member by member (progress_group_quiet_moved, in group order, so locks are taken in
-- one order); a row that changes group, or a delete, recounts (progress_refresh_group_quiet).
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

CREATE OR REPLACE TRIGGER progress_group_pmember_ins AFTER INSERT ON "ProgressMember" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION progress_group_on_progress_member();
CREATE OR REPLACE TRIGGER progress_group_pmember_upd AFTER UPDATE ON "ProgressMember" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION progress_group_on_progress_member();
CREATE OR REPLACE TRIGGER progress_group_pmember_del AFTER DELETE ON "ProgressMember" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION progress_group_on_progress_member();
