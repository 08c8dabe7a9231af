-- ProgressGroup's inputs from Member: active members and who can be quiet (status, joinedAt).
-- Statement triggers with transition tables, as every trigger of ProgressGroup: one refresh per
-- group a statement touched (progress_refresh_groups), and none for updates that change nothing
-- the figures depend on (Prisma rewrites whole rows).
CREATE OR REPLACE FUNCTION progress_group_on_member() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM progress_refresh_groups(ARRAY(SELECT "groupId" FROM new_rows));
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM progress_refresh_groups(ARRAY(SELECT "groupId" FROM old_rows));
  ELSE
    PERFORM progress_refresh_groups(ARRAY(
      SELECT unnest(ARRAY[o."groupId", n."groupId"]) FROM old_rows o JOIN new_rows n ON n."id" = o."id"
       WHERE (o."groupId", o."status", o."joinedAt") IS DISTINCT FROM (n."groupId", n."status", n."joinedAt")));
  END IF;
  RETURN NULL;
END $$;

CREATE OR REPLACE TRIGGER progress_group_member_ins AFTER INSERT ON "Member" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION progress_group_on_member();
CREATE OR REPLACE TRIGGER progress_group_member_upd AFTER UPDATE ON "Member" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION progress_group_on_member();
CREATE OR REPLACE TRIGGER progress_group_member_del AFTER DELETE ON "Member" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION progress_group_on_member();
