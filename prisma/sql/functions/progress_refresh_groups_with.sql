-- As progress_refresh_groups, but only the quiet count (p_refresh = 'quiet') or only the medians.
CREATE OR REPLACE FUNCTION progress_refresh_groups_with(p_groups text[], p_refresh text) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  gid text;
BEGIN
  FOR gid IN SELECT DISTINCT x FROM unnest(p_groups) x WHERE x IS NOT NULL ORDER BY x LOOP
    IF p_refresh = 'quiet' THEN PERFORM progress_refresh_group_quiet(gid);
    ELSE PERFORM progress_refresh_group_medians(gid);
    END IF;
  END LOOP;
END $$;
