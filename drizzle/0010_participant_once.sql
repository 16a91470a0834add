-- Before the route checked under the meeting's row lock, two simultaneous adds could list a colleague twice: keep the first row.
DELETE FROM "meeting_participants" a USING "meeting_participants" b
  WHERE a."user_id" IS NOT NULL AND a."meeting_id" = b."meeting_id" AND a."kind" = b."kind" AND a."user_id" = b."user_id" AND a."id" > b."id";--> statement-breakpoint
CREATE UNIQUE INDEX "meeting_participants_person_uq" ON "meeting_participants" USING btree ("meeting_id","kind","user_id") WHERE "meeting_participants"."user_id" is not null;
