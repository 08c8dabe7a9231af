-- Deliveries are the recipients of a pack (ProgressPackRollup.recipients); a deleted delivery takes
-- its mailing row (ProgressMailing) with it.
CREATE OR REPLACE FUNCTION progress_on_delivery() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO "ProgressPackRollup" ("packId", "groupId", "recipients")
    SELECT NEW."packId", pk."groupId", 1 FROM "Pack" pk WHERE pk."id" = NEW."packId"
    ON CONFLICT ("packId") DO UPDATE SET "recipients" = "ProgressPackRollup"."recipients" + 1;
  ELSE
    UPDATE "ProgressPackRollup" SET "recipients" = "recipients" - 1 WHERE "packId" = OLD."packId";
    DELETE FROM "ProgressMailing" WHERE "deliveryId" = OLD."id";
  END IF;
  RETURN NULL;
END $$;

CREATE OR REPLACE TRIGGER "progress_delivery" AFTER INSERT OR DELETE ON "Delivery"
  FOR EACH ROW EXECUTE FUNCTION progress_on_delivery();
