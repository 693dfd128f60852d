CREATE TABLE "synthetic_benchmarks" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"project_id" uuid NOT NULL,
	"name" text NOT NULL,
	"prior_version_id" uuid,
	"trajectories" integer NOT NULL,
	"time_points" jsonb NOT NULL,
	"noise" double precision NOT NULL,
	"seed" integer NOT NULL,
	"status" "run_status" DEFAULT 'queued' NOT NULL,
	"progress" jsonb,
	"error" text,
	"dataset_id" uuid,
	"gold_standard_id" uuid,
	"gene_count" integer,
	"edge_count" integer,
	"job_id" text,
	"attempts" integer DEFAULT 0 NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"started_at" timestamp with time zone,
	"finished_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "synthetic_benchmarks" ADD CONSTRAINT "synthetic_benchmarks_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "synthetic_benchmarks" ADD CONSTRAINT "synthetic_benchmarks_prior_version_id_prior_versions_id_fk" FOREIGN KEY ("prior_version_id") REFERENCES "public"."prior_versions"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "synthetic_benchmarks" ADD CONSTRAINT "synthetic_benchmarks_dataset_id_datasets_id_fk" FOREIGN KEY ("dataset_id") REFERENCES "public"."datasets"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "synthetic_benchmarks" ADD CONSTRAINT "synthetic_benchmarks_gold_standard_id_gold_standards_id_fk" FOREIGN KEY ("gold_standard_id") REFERENCES "public"."gold_standards"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "synthetic_benchmarks" ADD CONSTRAINT "synthetic_benchmarks_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "synthetic_benchmarks_project_idx" ON "synthetic_benchmarks" USING btree ("project_id","created_at");