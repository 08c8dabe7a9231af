-- Quiet: an active member who answered none of the group's last two published packs, both of
-- which were published after they joined. The one definition of the rule: the dashboard's count
-- (ProgressGroup.quiet, kept by progress_group_quiet and progress_group_quiet_moved), the progress
-- matrix's mark and its "quiet" filter, and the CSV export all ask it (docs/decisions/020).
--
-- It takes the member's facts and the group's second-latest published pack (progress_quiet_pack:
-- answering it or any later pack keeps a member from being quiet), so that a count reads that pack
-- once, and progress_group_quiet_moved can ask about a last answered pack the member had before.
-- A plain SQL expression, IMMUTABLE: PostgreSQL inlines it into the query that calls it, so the
-- conditions work as that query's own (an index on the member's status is still used), and it is
-- never null (false when the group has fewer than two published packs).
CREATE OR REPLACE FUNCTION progress_is_quiet(
  p_status "MemberStatus", p_joined_at timestamp, p_last_answered_number integer,
  p_pack_number integer, p_pack_published_at timestamp
) RETURNS boolean LANGUAGE sql IMMUTABLE AS $$
  SELECT p_status = 'ACTIVE' AND p_pack_published_at IS NOT NULL AND p_joined_at <= p_pack_published_at
     AND coalesce(p_last_answered_number, 0) < p_pack_number
$$;
