-- Adds (p_sign 1) or takes away (p_sign -1) everything one group counts for in the organization ×
-- level rows, under the given organization and level: its published packs with their counters,
-- and its turnaround buckets. Called when a group changes level or organization, is archived or
-- brought back, or is deleted (progress_level_on_group). The group's counters are locked first,
-- so a submit changing them commits before they are read here, or waits and then sees the group as
-- this leaves it.
CREATE OR REPLACE FUNCTION progress_level_move_group(p_group text, p_org text, p_level "GroupLevel", p_sign int) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  PERFORM 1 FROM "ProgressPackRollup" pr JOIN "Pack" pk ON pk."id" = pr."packId" WHERE pk."groupId" = p_group ORDER BY pr."packId" FOR UPDATE OF pr;
  PERFORM 1 FROM "ProgressTurnaround" t WHERE t."groupId" = p_group ORDER BY t."channel", t."days" FOR UPDATE;
  PERFORM progress_level_add_pack(p_org, p_level, s."number", p_sign * s."packs", p_sign * s."recipients", p_sign * s."respondents")
     FROM (SELECT pk."number", count(*)::int AS "packs", coalesce(sum(pr."recipients"), 0)::int AS "recipients", coalesce(sum(pr."respondents"), 0)::int AS "respondents"
             FROM "Pack" pk LEFT JOIN "ProgressPackRollup" pr ON pr."packId" = pk."id"
            WHERE pk."groupId" = p_group AND pk."status" = 'PUBLISHED'
            GROUP BY pk."number" ORDER BY pk."number") s;
  PERFORM progress_level_add_turnaround(p_org, p_level, t."channel", t."days", p_sign * t."cells")
     FROM "ProgressTurnaround" t WHERE t."groupId" = p_group ORDER BY t."channel", t."days";
END $$;
