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
