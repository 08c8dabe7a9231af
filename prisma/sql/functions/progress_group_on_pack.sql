-- ProgressGroup's inputs from Pack: lessons covered and the packs that make a member quiet
-- (status, number, publishedAt). Drafts change nothing until they are published.
CREATE OR REPLACE FUNCTION progress_group_on_pack() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM progress_refresh_groups(ARRAY(SELECT "groupId" FROM new_rows WHERE "status" = 'PUBLISHED'));
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM progress_refresh_groups(ARRAY(SELECT "groupId" FROM old_rows WHERE "status" = 'PUBLISHED'));
  ELSE
    PERFORM progress_refresh_groups(ARRAY(
      SELECT unnest(ARRAY[o."groupId", n."groupId"]) FROM old_rows o JOIN new_rows n ON n."id" = o."id"
       WHERE (o."groupId", o."status", o."number", o."publishedAt") IS DISTINCT FROM (n."groupId", n."status", n."number", n."publishedAt")));
  END IF;
  RETURN NULL;
END $$;

CREATE OR REPLACE TRIGGER progress_group_pack_ins AFTER INSERT ON "Pack" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION progress_group_on_pack();
CREATE OR REPLACE TRIGGER progress_group_pack_upd AFTER UPDATE ON "Pack" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION progress_group_on_pack();
CREATE OR REPLACE TRIGGER progress_group_pack_del AFTER DELETE ON "Pack" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION progress_group_on_pack();
