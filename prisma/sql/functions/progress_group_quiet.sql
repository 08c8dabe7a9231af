-- How many members of a group are quiet (progress_is_quiet): ProgressGroup.quiet, recounted.
CREATE OR REPLACE FUNCTION progress_group_quiet(p_group text) RETURNS int LANGUAGE sql STABLE AS $$
  SELECT count(*)::int
    FROM progress_quiet_pack(p_group) s
    JOIN "Member" m ON m."groupId" = p_group
    LEFT JOIN "ProgressMember" pm ON pm."memberId" = m."id"
   WHERE progress_is_quiet(m."status", m."joinedAt", pm."lastAnsweredNumber", s."number", s."publishedAt")
$$;
