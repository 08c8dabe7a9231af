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
