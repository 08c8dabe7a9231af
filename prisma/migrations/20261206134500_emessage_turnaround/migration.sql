-- E-message answers in the progress rollups (docs/decisions/045): an answer filed from an
-- e-message reply has a received date like a transcribed letter, and its turnaround runs from the
-- day its messages were sent (the delivery's MAILED event) to that date, under its own channel.
-- Before this, an EMESSAGE answer lost its received date in the cell and was counted as an online
-- answer (submitted minus published). Same columns as before, so every function reading the view
-- is unchanged; the rollups are rebuilt once so existing cells follow the new rule.
CREATE OR REPLACE VIEW "progress_cell_source" AS
SELECT c."packId", c."memberId", c."groupId", c."answeredPrompts", c."firstSubmittedAt",
       c."receivedOn", ml."mailedOn", c."feedbackCount",
       CASE WHEN c."receivedOn" IS NOT NULL THEN (CASE WHEN ml."mailedOn" IS NOT NULL THEN ml."channel" END)
            WHEN c."publishedAt" IS NOT NULL AND c."firstSubmittedAt" IS NOT NULL THEN 'ONLINE'::"Channel" END AS "turnaroundChannel",
       CASE WHEN c."receivedOn" IS NOT NULL THEN greatest(c."receivedOn" - ml."mailedOn", 0)
            WHEN c."publishedAt" IS NOT NULL AND c."firstSubmittedAt" IS NOT NULL
              THEN greatest(c."firstSubmittedAt"::date - c."publishedAt"::date, 0) END AS "turnaroundDays"
  FROM (
    SELECT r."packId", r."memberId", pk."groupId", pk."publishedAt",
           count(*)::int AS "answeredPrompts",
           min(r."submittedAt") AS "firstSubmittedAt",
           min(r."receivedOn") FILTER (WHERE r."source" IN ('TRANSCRIBED', 'EMESSAGE')) AS "receivedOn",
           coalesce(sum(fb.n), 0)::int AS "feedbackCount"
      FROM "Response" r
      JOIN "Pack" pk ON pk."id" = r."packId"
      LEFT JOIN LATERAL (SELECT count(*) AS n FROM "Feedback" f WHERE f."responseId" = r."id") fb ON true
     WHERE r."status" = 'SUBMITTED'
     GROUP BY r."packId", r."memberId", pk."groupId", pk."publishedAt"
  ) c
  LEFT JOIN LATERAL (
    SELECT coalesce(max(e."occurredOn") FILTER (WHERE c."receivedOn" IS NULL OR e."occurredOn" <= c."receivedOn"),
                    min(e."occurredOn")) AS "mailedOn",
           min(d."channel"::text)::"Channel" AS "channel"
      FROM "Delivery" d JOIN "DeliveryEvent" e ON e."deliveryId" = d."id"
     WHERE d."packId" = c."packId" AND d."memberId" = c."memberId" AND d."channel" IN ('MAIL', 'EMESSAGE')
       AND e."status" IN ('MAILED', 'RESENT')
  ) ml ON true;

SELECT progress_rebuild();
