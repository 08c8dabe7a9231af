-- A mail delivery's last mailing and latest refusal (ProgressMailing), recomputed from its events;
-- the row also carries the delivery's pack and member, which the progress matrix joins on.
CREATE OR REPLACE FUNCTION progress_refresh_mailing(p_delivery text) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "ProgressMailing" ("deliveryId", "groupId", "packId", "memberId", "mailedOn", "refusalStatus", "refusalReason")
  SELECT d."id", pk."groupId", d."packId", d."memberId",
         (SELECT max(e."occurredOn") FROM "DeliveryEvent" e WHERE e."deliveryId" = d."id" AND e."status" IN ('MAILED', 'RESENT')),
         r."status", r."reason"
    FROM "Delivery" d
    JOIN "Pack" pk ON pk."id" = d."packId"
    LEFT JOIN LATERAL (SELECT e."status", e."reason" FROM "DeliveryEvent" e
                        WHERE e."deliveryId" = d."id" AND e."status" IN ('RETURNED', 'REJECTED')
                        ORDER BY e."createdAt" DESC, e."id" DESC LIMIT 1) r ON true
   WHERE d."id" = p_delivery
  ON CONFLICT ("deliveryId") DO UPDATE SET "groupId" = EXCLUDED."groupId", "packId" = EXCLUDED."packId", "memberId" = EXCLUDED."memberId", "mailedOn" = EXCLUDED."mailedOn",
    "refusalStatus" = EXCLUDED."refusalStatus", "refusalReason" = EXCLUDED."refusalReason";
  IF NOT FOUND THEN DELETE FROM "ProgressMailing" WHERE "deliveryId" = p_delivery; END IF;
END $$;
