CREATE TABLE "run_level_networks" (
	"run_id" uuid NOT NULL,
	"level" integer NOT NULL,
	"first_epoch" integer NOT NULL,
	"last_epoch" integer NOT NULL,
	"best_epoch" integer NOT NULL,
	"sparsity" double precision NOT NULL,
	"val_mse" double precision NOT NULL,
	"val_se" double precision,
	"test_mse" double precision,
	"edge_count" integer NOT NULL,
	"pairs" "bytea" NOT NULL,
	"effects" "bytea" NOT NULL,
	CONSTRAINT "run_level_networks_run_id_level_pk" PRIMARY KEY("run_id","level")
);
--> statement-breakpoint
ALTER TABLE "run_level_networks" ADD CONSTRAINT "run_level_networks_run_id_runs_id_fk" FOREIGN KEY ("run_id") REFERENCES "public"."runs"("id") ON DELETE cascade ON UPDATE no action;