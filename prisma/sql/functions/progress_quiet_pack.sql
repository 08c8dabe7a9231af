-- The pack a member of the group must have answered, or a later one, not to be quiet
-- (progress_is_quiet): the group's second-latest published pack; no row while it has fewer than
-- two. SQL, STABLE: inlined into the query that reads it.
CREATE OR REPLACE FUNCTION progress_quiet_pack(p_group text) RETURNS TABLE ("number" integer, "publishedAt" timestamp)
LANGUAGE sql STABLE AS $$
  SELECT pk."number", pk."publishedAt" FROM "Pack" pk
   WHERE pk."groupId" = p_group AND pk."status" = 'PUBLISHED'
   ORDER BY pk."number" DESC OFFSET 1 LIMIT 1
$$;
