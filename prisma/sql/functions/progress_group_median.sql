-- The lower median of one group's turnaround histogram for a channel; null when it is empty.
CREATE OR REPLACE FUNCTION progress_group_median(p_group text, p_channel "Channel") RETURNS int LANGUAGE sql STABLE AS $$
  SELECT min(h."days") FILTER (WHERE 2 * h."seen" >= h."total")::int
    FROM (SELECT t."days",
                 sum(t."cells") OVER (ORDER BY t."days") AS "seen",
                 sum(t."cells") OVER () AS "total"
            FROM "ProgressTurnaround" t
           WHERE t."groupId" = p_group AND t."channel" = p_channel AND t."cells" > 0) h
$$;
