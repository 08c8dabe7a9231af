-- AlterTable
ALTER TABLE "User" ADD COLUMN     "answersDigestSentAt" TIMESTAMP(3);

-- ───────────── prisma/sql/functions (docs/decisions/020-sql-functions-in-one-place.md) ─────────────
-- Copied by `npm run db:make-migration` from the files named below, which hold the current
-- text: change those, never this copy.

-- prisma/sql/functions/notify_answers_arrived.sql
-- Tells a group's facilitators that a new answer arrived in pack p_pack_number (an online submit or
-- a transcription), except p_actor, who entered it (docs/decisions/026-facilitators-week.md).
-- Called in the transaction of the submit (lib/data/responses.ts: in the same statement as
-- response_submit; lib/data/transcriptions.ts: in its transaction), only for an answer's first
-- version.
--
-- A burst of answers makes one notification per facilitator and pack: while an unread
-- "answersArrived" notification of that pack exists, its count goes up (and its time moves to the
-- latest answer, and it is due for the next digest e-mail again) instead of a new one being added.
-- An advisory lock per facilitator and pack makes simultaneous submits count one after the other,
-- and each statement of a PL/pgSQL function sees what the one before it committed. Facilitators are
-- taken in id order, so two submits never wait on each other's locks.
-- Returns how many facilitators were told. No e-mail is queued here: the daily digest
-- (lib/notifications/answers-digest.ts) sends them.
CREATE OR REPLACE FUNCTION notify_answers_arrived(p_group text, p_pack_number integer, p_actor text)
RETURNS integer LANGUAGE plpgsql AS $$
DECLARE
  v_now timestamp(3) := now() AT TIME ZONE 'UTC';
  v_pack record;
  v_user text;
  v_told integer := 0;
BEGIN
  SELECT pk."id", pk."number", g."slug", g."name" INTO v_pack
    FROM "Pack" pk JOIN "Group" g ON g."id" = pk."groupId"
   WHERE pk."groupId" = p_group AND pk."number" = p_pack_number;
  IF NOT FOUND THEN
    RETURN 0;
  END IF;
  FOR v_user IN
    SELECT f."userId" FROM "Facilitator" f JOIN "User" u ON u."id" = f."userId"
     WHERE f."groupId" = p_group AND f."userId" IS DISTINCT FROM p_actor AND u."disabledAt" IS NULL
     ORDER BY f."userId"
  LOOP
    PERFORM pg_advisory_xact_lock(hashtext('answers-arrived:' || v_user || ':' || v_pack."id"));
    UPDATE "Notification"
       SET "data" = jsonb_set("data", '{count}', to_jsonb(coalesce(("data"->>'count')::int, 0) + 1)),
           "createdAt" = v_now, "emailedAt" = NULL
     WHERE "userId" = v_user AND "readAt" IS NULL AND "kind" = 'answersArrived' AND "data"->>'packId' = v_pack."id";
    IF NOT FOUND THEN
      INSERT INTO "Notification" ("id", "userId", "kind", "data", "createdAt")
      VALUES (gen_random_uuid()::text, v_user, 'answersArrived',
              jsonb_build_object('groupSlug', v_pack."slug", 'groupName', v_pack."name", 'packNumber', v_pack."number",
                                 'packId', v_pack."id", 'count', 1,
                                 'href', '/groups/' || v_pack."slug" || '/packs/' || v_pack."number" || '/responses'),
              v_now);
    END IF;
    v_told := v_told + 1;
  END LOOP;
  RETURN v_told;
END
$$;
