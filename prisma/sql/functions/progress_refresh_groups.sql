-- The full refresh of every group a statement touched, once each, in a fixed order (no deadlocks
-- between two statements touching the same groups).
CREATE OR REPLACE FUNCTION progress_refresh_groups(p_groups text[]) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  gid text;
BEGIN
  FOR gid IN SELECT DISTINCT x FROM unnest(p_groups) x WHERE x IS NOT NULL ORDER BY x LOOP
    PERFORM progress_refresh_group(gid);
  END LOOP;
END $$;
