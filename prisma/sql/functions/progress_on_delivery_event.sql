-- A mailing or resend changes a mail cell's turnaround and the delivery's last mailing; a return
-- or rejection counts against the facility it was mailed to (ProgressFacilityIssue) and is the
-- delivery's latest refusal (ProgressMailing). The other events (prepared, delivered, responded:
-- one per first answer) do not run it, which keeps a submit's transaction short.
CREATE OR REPLACE FUNCTION progress_on_delivery_event() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  e record;
  d record;
  delta int;
BEGIN
  IF TG_OP = 'INSERT' THEN e := NEW; delta := 1; ELSE e := OLD; delta := -1; END IF;
  SELECT dl."packId", dl."memberId", coalesce(dl."mailedTo" ->> 'facility', f."name", '') AS facility, p."organizationId"
    INTO d
    FROM "Delivery" dl
    JOIN "Member" m ON m."id" = dl."memberId"
    JOIN "Person" p ON p."id" = m."personId"
    LEFT JOIN "Facility" f ON f."id" = p."facilityId"
   WHERE dl."id" = e."deliveryId";
  IF NOT FOUND THEN RETURN NULL; END IF;
  PERFORM progress_refresh_mailing(e."deliveryId");
  IF e."status" IN ('MAILED', 'RESENT') THEN
    IF EXISTS (SELECT 1 FROM "ProgressCell" WHERE "packId" = d."packId" AND "memberId" = d."memberId") THEN
      PERFORM progress_refresh_cell(d."packId", d."memberId");
    END IF;
  ELSIF e."status" IN ('RETURNED', 'REJECTED') THEN
    INSERT INTO "ProgressFacilityIssue" ("organizationId", "facility", "status", "reason", "count")
    VALUES (d."organizationId", d.facility, e."status", coalesce(e."reason", ''), delta)
    ON CONFLICT ("organizationId", "facility", "status", "reason") DO UPDATE SET "count" = "ProgressFacilityIssue"."count" + delta;
  END IF;
  RETURN NULL;
END $$;

CREATE OR REPLACE TRIGGER "progress_delivery_event_insert" AFTER INSERT ON "DeliveryEvent"
  FOR EACH ROW WHEN (NEW."status" IN ('MAILED', 'RESENT', 'RETURNED', 'REJECTED')) EXECUTE FUNCTION progress_on_delivery_event();
CREATE OR REPLACE TRIGGER "progress_delivery_event_delete" AFTER DELETE ON "DeliveryEvent"
  FOR EACH ROW WHEN (OLD."status" IN ('MAILED', 'RESENT', 'RETURNED', 'REJECTED')) EXECUTE FUNCTION progress_on_delivery_event();
