DROP TABLE "edge_comments" CASCADE;--> statement-breakpoint
DROP TABLE "edge_reviews" CASCADE;--> statement-breakpoint
DROP TYPE "public"."review_verdict";--> statement-breakpoint
CREATE TYPE "public"."edge_review_status" AS ENUM('unreviewed', 'accepted', 'rejected', 'needs_evidence', 'disputed');--> statement-breakpoint
CREATE TYPE "public"."notification_kind" AS ENUM('mention', 'reply', 'verdict', 'dispute', 'settled');--> statement-breakpoint
CREATE TYPE "public"."rejection_reason" AS ENUM('wrong_sign', 'wrong_direction', 'indirect', 'no_relation', 'other');--> statement-breakpoint
CREATE TYPE "public"."verdict_kind" AS ENUM('accepted', 'rejected', 'needs_evidence');--> statement-breakpoint
CREATE TABLE "edge_comment_revisions" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"comment_id" uuid NOT NULL,
	"body" text NOT NULL,
	"written_at" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "edge_comments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"edge_id" uuid NOT NULL,
	"project_id" uuid NOT NULL,
	"run_id" uuid,
	"parent_id" uuid,
	"author_id" uuid,
	"body" text NOT NULL,
	"mentions" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"edited_at" timestamp with time zone,
	"deleted_at" timestamp with time zone,
	"resolved_at" timestamp with time zone,
	"resolved_by" uuid
);
--> statement-breakpoint
CREATE TABLE "edge_reviews" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"project_id" uuid NOT NULL,
	"regulator" text NOT NULL,
	"target" text NOT NULL,
	"status" "edge_review_status" DEFAULT 'unreviewed' NOT NULL,
	"version" integer DEFAULT 0 NOT NULL,
	"verdict_count" integer DEFAULT 0 NOT NULL,
	"comment_count" integer DEFAULT 0 NOT NULL,
	"settled_status" "edge_review_status",
	"settled_note" text,
	"settled_by" uuid,
	"settled_at" timestamp with time zone,
	"updated_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "notifications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"project_id" uuid NOT NULL,
	"kind" "notification_kind" NOT NULL,
	"regulator" text NOT NULL,
	"target" text NOT NULL,
	"actor_id" uuid,
	"comment_id" uuid,
	"excerpt" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"read_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "review_verdict_changes" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"edge_id" uuid NOT NULL,
	"reviewer_id" uuid,
	"from_verdict" "verdict_kind",
	"to_verdict" "verdict_kind",
	"reason" "rejection_reason",
	"reason_note" text,
	"sign" smallint,
	"evidence" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"run_id" uuid,
	"effect" double precision,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "review_verdicts" (
	"edge_id" uuid NOT NULL,
	"reviewer_id" uuid NOT NULL,
	"verdict" "verdict_kind" NOT NULL,
	"reason" "rejection_reason",
	"reason_note" text,
	"sign" smallint,
	"evidence" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"run_id" uuid,
	"effect" double precision,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "review_verdicts_edge_id_reviewer_id_pk" PRIMARY KEY("edge_id","reviewer_id")
);
--> statement-breakpoint
CREATE TABLE "review_version_links" (
	"version_id" uuid NOT NULL,
	"edge_id" uuid NOT NULL,
	"change" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "review_version_links_version_id_edge_id_pk" PRIMARY KEY("version_id","edge_id")
);
--> statement-breakpoint
ALTER TABLE "edge_comment_revisions" ADD CONSTRAINT "edge_comment_revisions_comment_id_edge_comments_id_fk" FOREIGN KEY ("comment_id") REFERENCES "public"."edge_comments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "edge_comments" ADD CONSTRAINT "edge_comments_edge_id_edge_reviews_id_fk" FOREIGN KEY ("edge_id") REFERENCES "public"."edge_reviews"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "edge_comments" ADD CONSTRAINT "edge_comments_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "edge_comments" ADD CONSTRAINT "edge_comments_run_id_runs_id_fk" FOREIGN KEY ("run_id") REFERENCES "public"."runs"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "edge_comments" ADD CONSTRAINT "edge_comments_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "edge_comments" ADD CONSTRAINT "edge_comments_resolved_by_users_id_fk" FOREIGN KEY ("resolved_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "edge_reviews" ADD CONSTRAINT "edge_reviews_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "edge_reviews" ADD CONSTRAINT "edge_reviews_settled_by_users_id_fk" FOREIGN KEY ("settled_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "edge_reviews" ADD CONSTRAINT "edge_reviews_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_actor_id_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_comment_id_edge_comments_id_fk" FOREIGN KEY ("comment_id") REFERENCES "public"."edge_comments"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_verdict_changes" ADD CONSTRAINT "review_verdict_changes_edge_id_edge_reviews_id_fk" FOREIGN KEY ("edge_id") REFERENCES "public"."edge_reviews"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_verdict_changes" ADD CONSTRAINT "review_verdict_changes_reviewer_id_users_id_fk" FOREIGN KEY ("reviewer_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_verdict_changes" ADD CONSTRAINT "review_verdict_changes_run_id_runs_id_fk" FOREIGN KEY ("run_id") REFERENCES "public"."runs"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_verdicts" ADD CONSTRAINT "review_verdicts_edge_id_edge_reviews_id_fk" FOREIGN KEY ("edge_id") REFERENCES "public"."edge_reviews"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_verdicts" ADD CONSTRAINT "review_verdicts_reviewer_id_users_id_fk" FOREIGN KEY ("reviewer_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_verdicts" ADD CONSTRAINT "review_verdicts_run_id_runs_id_fk" FOREIGN KEY ("run_id") REFERENCES "public"."runs"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_version_links" ADD CONSTRAINT "review_version_links_version_id_prior_versions_id_fk" FOREIGN KEY ("version_id") REFERENCES "public"."prior_versions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_version_links" ADD CONSTRAINT "review_version_links_edge_id_edge_reviews_id_fk" FOREIGN KEY ("edge_id") REFERENCES "public"."edge_reviews"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "edge_comment_revisions_comment_idx" ON "edge_comment_revisions" USING btree ("comment_id","id");--> statement-breakpoint
CREATE INDEX "edge_comments_edge_idx" ON "edge_comments" USING btree ("edge_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "edge_reviews_edge_key" ON "edge_reviews" USING btree ("project_id","regulator","target");--> statement-breakpoint
CREATE INDEX "edge_reviews_status_idx" ON "edge_reviews" USING btree ("project_id","status");--> statement-breakpoint
CREATE INDEX "notifications_user_idx" ON "notifications" USING btree ("user_id","created_at");--> statement-breakpoint
CREATE INDEX "review_verdict_changes_edge_idx" ON "review_verdict_changes" USING btree ("edge_id","id");--> statement-breakpoint
CREATE INDEX "review_verdicts_reviewer_idx" ON "review_verdicts" USING btree ("reviewer_id");--> statement-breakpoint
CREATE INDEX "review_version_links_edge_idx" ON "review_version_links" USING btree ("edge_id");