-- Cheaper submits (docs/decisions/050-cheaper-submits.md).
-- No read finds ProgressMember's rows by groupId (every one goes by the primary key), and every
-- new answered pack of a member wrote an entry to it. (ProgressPackRollup_groupId_idx stays: the
-- dashboard and progress page read a group's counters by it, decision 051.)
-- DropIndex
DROP INDEX "ProgressMember_groupId_idx";

-- The cells rollup keeps a fifth of each page free, so updating a cell can put the new row version
-- on the same page and skip the indexes (a HOT update: none of its indexed columns changes).
-- Prisma's schema cannot say this; its diff does not look at it (decision 050). progress_rebuild's
-- TRUNCATE keeps the setting; CLUSTER rewrites the rows there are now with it (in key order: a
-- pack's cells together), and SET WITHOUT CLUSTER leaves no mark for a later bare CLUSTER.
-- ProgressMember and ProgressPackRollup stay full: their updates were already nearly all HOT, and
-- the pages read them whole (decision 050).
ALTER TABLE "ProgressCell" SET (fillfactor = 80);
CLUSTER "ProgressCell" USING "ProgressCell_pkey";
ALTER TABLE "ProgressCell" SET WITHOUT CLUSTER;
ANALYZE "ProgressCell";

-- ───────────── prisma/sql/functions (docs/decisions/020-sql-functions-in-one-place.md) ─────────────
-- Copied by `npm run db:make-migration` from the files named below, which hold the current
-- text: change those, never this copy.

-- prisma/sql/functions/response_submit.sql
-- A submitted answer, online or transcribed from a letter: the one rule for when an answer makes
-- a new version, in one statement (docs/decisions/014-submit-path.md, 020). An online member's
-- submit (lib/data/responses.ts) is the busiest write of the app: one round trip, one transaction.
-- A facilitator's transcription (lib/data/transcriptions.ts) is the same submit with what a letter
-- adds: p_received_on (the postmark or the day it arrived; given only for a transcription, which
-- p_actor then typed for the member) and p_shared (the facilitator's sharing choice, already
-- checked against the member's consent; null leaves it as it is).
--
-- The caller has authorized p_actor for p_member in p_group (lib/authz.ts) and parsed the input;
-- this function resolves the pack inside that group and:
--
-- 1. the pack: number p_pack_number of group p_group, published, with prompt p_prompt in one of
--    its lessons; none → no row returned (the caller answers NOT_FOUND);
-- 2. a new answer (no row for the cell yet, the usual case) is inserted whole, already SUBMITTED
--    as version 1 (INSERT … ON CONFLICT DO NOTHING … RETURNING): one heap tuple and one entry per
--    index, where an insert of an empty row and then an update of it wrote two of each — the
--    update changes "submittedAt", which an index holds, so it was never HOT
--    (docs/decisions/050-cheaper-submits.md). Its ResponseVersion and delivery follow (5, 6);
-- 3. otherwise (a draft was autosaved, or the answer is submitted again) the existing row is
--    locked (SELECT … FOR UPDATE): simultaneous submits of one cell queue here. Each statement of
--    a PL/pgSQL function takes a new snapshot under READ COMMITTED, so the lock sees a row that a
--    concurrent submit inserted and committed while this one waited on the unique key;
-- 4. the same submit key again, or the submitted text unchanged: no new version (repeated); a
--    corrected received date or sharing choice is still kept;
-- 5. otherwise a ResponseVersion (history is kept) and the response updated; a transcription
--    marks it TRANSCRIBED, with who typed it;
-- 6. on the first version, the member's delivery of the pack moves to RESPONDED with a
--    DeliveryEvent (unless it already is: a concurrent first answer to another prompt of the
--    same pack waits on the delivery row and then finds it RESPONDED, so one event, not two).
--
-- The rollup triggers (progress_on_response and the others) fire on these writes.
-- Times are UTC, as Prisma stores DateTime in timestamp(3) columns.
CREATE OR REPLACE FUNCTION response_submit(
  p_group text, p_member text, p_pack_number integer, p_prompt text,
  p_body text, p_submit_key text, p_actor text,
  p_received_on date DEFAULT NULL, p_shared boolean DEFAULT NULL
) RETURNS TABLE (out_version integer, out_submitted_at timestamp(3), out_repeated boolean, out_response_id text)
LANGUAGE plpgsql AS $$
DECLARE
  v_now timestamp(3) := now() AT TIME ZONE 'UTC';
  v_pack text;
  v_row record;
  v_id text;
  v_version integer := 1;
  v_submitted_at timestamp(3) := v_now;
BEGIN
  SELECT pk."id" INTO v_pack
    FROM "Pack" pk
   WHERE pk."groupId" = p_group AND pk."number" = p_pack_number AND pk."status" = 'PUBLISHED'
     AND EXISTS (SELECT 1 FROM "PackLesson" pl JOIN "Prompt" q ON q."lessonId" = pl."lessonId"
                  WHERE pl."packId" = pk."id" AND q."id" = p_prompt);
  IF v_pack IS NULL THEN
    RETURN;
  END IF;

  INSERT INTO "Response" ("id", "packId", "memberId", "promptId", "source", "body", "status", "version",
                          "submittedAt", "draftSavedAt", "lastSubmitKey", "receivedOn", "transcribedById", "shared", "updatedAt")
  VALUES (gen_random_uuid()::text, v_pack, p_member, p_prompt,
          CASE WHEN p_received_on IS NULL THEN 'ONLINE' ELSE 'TRANSCRIBED' END::"ResponseSource",
          p_body, 'SUBMITTED', 1, v_now, v_now, p_submit_key, p_received_on,
          CASE WHEN p_received_on IS NULL THEN NULL ELSE p_actor END, p_shared, v_now)
  ON CONFLICT ("packId", "memberId", "promptId") DO NOTHING
  RETURNING "id" INTO v_id;

  IF v_id IS NULL THEN
    SELECT r."id", r."status", r."body", r."version", r."lastSubmitKey", r."submittedAt" INTO v_row
      FROM "Response" r
     WHERE r."packId" = v_pack AND r."memberId" = p_member AND r."promptId" = p_prompt
       FOR UPDATE;
    IF NOT FOUND THEN
      RAISE EXCEPTION 'response row vanished inside its transaction';
    END IF;
    v_id := v_row."id";
    v_submitted_at := coalesce(v_row."submittedAt", v_now);

    IF v_row."lastSubmitKey" = p_submit_key OR (v_row."status" = 'SUBMITTED' AND v_row."body" = p_body) THEN
      UPDATE "Response"
         SET "draftBody" = NULL, "lastSubmitKey" = p_submit_key, "updatedAt" = v_now,
             "receivedOn" = coalesce(p_received_on, "receivedOn"), "shared" = coalesce(p_shared, "shared")
       WHERE "id" = v_id;
      RETURN QUERY SELECT v_row."version", v_submitted_at, true, v_id;
      RETURN;
    END IF;

    v_version := v_row."version" + 1;
    UPDATE "Response"
       SET "body" = p_body, "status" = 'SUBMITTED', "version" = v_version,
           "submittedAt" = v_submitted_at, "draftBody" = NULL, "draftSavedAt" = v_now,
           "lastSubmitKey" = p_submit_key, "updatedAt" = v_now,
           "source" = CASE WHEN p_received_on IS NULL THEN "source" ELSE 'TRANSCRIBED' END,
           "receivedOn" = coalesce(p_received_on, "receivedOn"),
           "transcribedById" = CASE WHEN p_received_on IS NULL THEN "transcribedById" ELSE p_actor END,
           "shared" = coalesce(p_shared, "shared")
     WHERE "id" = v_id;
  END IF;

  INSERT INTO "ResponseVersion" ("id", "responseId", "version", "body", "createdById", "createdAt")
  VALUES (gen_random_uuid()::text, v_id, v_version, p_body, p_actor, v_now);

  IF v_version = 1 THEN
    WITH moved AS (
      UPDATE "Delivery" SET "status" = 'RESPONDED', "updatedAt" = v_now
       WHERE "packId" = v_pack AND "memberId" = p_member AND "status" <> 'RESPONDED'
      RETURNING "id"
    )
    INSERT INTO "DeliveryEvent" ("id", "deliveryId", "status", "occurredOn", "actorId", "createdAt")
    SELECT gen_random_uuid()::text, moved."id", 'RESPONDED', v_now::date, p_actor, v_now FROM moved;
  END IF;

  RETURN QUERY SELECT v_version, v_submitted_at, false, v_id;
END
$$;
