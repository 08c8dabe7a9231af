-- The turnaround histogram changes only the group's medians (progress_refresh_group_medians).
CREATE OR REPLACE FUNCTION progress_group_on_turnaround() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM progress_refresh_groups_with(ARRAY(SELECT "groupId" FROM new_rows), 'medians');
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM progress_refresh_groups_with(ARRAY(SELECT "groupId" FROM old_rows), 'medians');
  ELSE
    PERFORM progress_refresh_groups_with(ARRAY(SELECT "groupId" FROM old_rows UNION SELECT "groupId" FROM new_rows), 'medians');
  END IF;
  RETURN NULL;
END $$;

CREATE OR REPLACE TRIGGER progress_group_turnaround_ins AFTER INSERT ON "ProgressTurnaround" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION progress_group_on_turnaround();
CREATE OR REPLACE TRIGGER progress_group_turnaround_upd AFTER UPDATE ON "ProgressTurnaround" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION progress_group_on_turnaround();
CREATE OR REPLACE TRIGGER progress_group_turnaround_del AFTER DELETE ON "ProgressTurnaround" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION progress_group_on_turnaround();
