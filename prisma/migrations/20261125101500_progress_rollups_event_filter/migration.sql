-- Only mailings, resends, returns and rejections move the progress rollups; the other delivery
-- events (prepared, delivered, responded — one per first answer) no longer run the trigger,
-- which keeps a submit's transaction short. Hand-written: no schema change.
DROP TRIGGER "progress_delivery_event" ON "DeliveryEvent";
CREATE TRIGGER "progress_delivery_event_insert" AFTER INSERT ON "DeliveryEvent"
  FOR EACH ROW WHEN (NEW."status" IN ('MAILED', 'RESENT', 'RETURNED', 'REJECTED')) EXECUTE FUNCTION progress_on_delivery_event();
CREATE TRIGGER "progress_delivery_event_delete" AFTER DELETE ON "DeliveryEvent"
  FOR EACH ROW WHEN (OLD."status" IN ('MAILED', 'RESENT', 'RETURNED', 'REJECTED')) EXECUTE FUNCTION progress_on_delivery_event();
