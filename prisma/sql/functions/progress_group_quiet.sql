-- How many members of a group are quiet (see progress_is_quiet); ProgressGroup.quiet holds it.
CREATE OR REPLACE FUNCTION progress_group_quiet(p_group text) RETURNS int LANGUAGE sql STABLE AS $$
  SELECT coalesce((SELECT count(*) FROM (SELECT pk."number", pk."publishedAt" FROM "Pack" pk
                                          WHERE pk."groupId" = p_group AND pk."status" = 'PUBLISHED'
                                          ORDER BY pk."number" DESC OFFSET 1 LIMIT 1) s
                     JOIN "Member" m ON m."groupId" = p_group AND m."status" = 'ACTIVE' AND m."joinedAt" <= s."publishedAt"
                     LEFT JOIN "ProgressMember" pm ON pm."memberId" = m."id"
                    WHERE coalesce(pm."lastAnsweredNumber", 0) < s."number"), 0)::int
$$;
