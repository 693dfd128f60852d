ALTER TABLE "users" ADD COLUMN "email_verified_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "verification_token_hash" text;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "verification_sent_at" timestamp with time zone;--> statement-breakpoint
CREATE UNIQUE INDEX "users_verification_token_hash_key" ON "users" USING btree ("verification_token_hash");--> statement-breakpoint
-- Accounts made before verification existed keep working as they did: their addresses count as verified.
UPDATE "users" SET "email_verified_at" = "created_at";
--> statement-breakpoint
-- Edge pages sort by regulator then target in byte order (collate "C", as JavaScript sorts). With the columns
-- in the database's default collation the primary key could not serve that order, so every page of a
-- 500,000-edge version sorted the whole version (1.3 s). In "C" the primary key is the page order; equality
-- is unchanged (byte equality in both).
ALTER TABLE "prior_edges" ALTER COLUMN "regulator" SET DATA TYPE text COLLATE "C", ALTER COLUMN "target" SET DATA TYPE text COLLATE "C";--> statement-breakpoint
ALTER TABLE "gold_standard_edges" ALTER COLUMN "regulator" SET DATA TYPE text COLLATE "C", ALTER COLUMN "target" SET DATA TYPE text COLLATE "C";
