-- ProgressGroup's lessons covered, from a published pack's lessons (a deleted pack's cascade
-- finds no Pack row and is covered by progress_group_on_pack).
CREATE OR REPLACE FUNCTION progress_group_on_pack_lesson() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM progress_refresh_groups(ARRAY(SELECT pk."groupId" FROM new_rows r JOIN "Pack" pk ON pk."id" = r."packId" WHERE pk."status" = 'PUBLISHED'));
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM progress_refresh_groups(ARRAY(SELECT pk."groupId" FROM old_rows r JOIN "Pack" pk ON pk."id" = r."packId" WHERE pk."status" = 'PUBLISHED'));
  ELSE
    PERFORM progress_refresh_groups(ARRAY(
      SELECT pk."groupId" FROM (SELECT "packId" FROM old_rows UNION SELECT "packId" FROM new_rows) r
        JOIN "Pack" pk ON pk."id" = r."packId" WHERE pk."status" = 'PUBLISHED'));
  END IF;
  RETURN NULL;
END $$;

CREATE OR REPLACE TRIGGER progress_group_pack_lesson_ins AFTER INSERT ON "PackLesson" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION progress_group_on_pack_lesson();
CREATE OR REPLACE TRIGGER progress_group_pack_lesson_upd AFTER UPDATE ON "PackLesson" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION progress_group_on_pack_lesson();
CREATE OR REPLACE TRIGGER progress_group_pack_lesson_del AFTER DELETE ON "PackLesson" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION progress_group_on_pack_lesson();
