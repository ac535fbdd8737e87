import { MigrationInterface, QueryRunner } from 'typeorm';

export class Initial1795748593403 implements MigrationInterface {
  name = 'Initial1795748593403';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "departments" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "code" character varying(32) NOT NULL, "name" character varying(100) NOT NULL, "kind" character varying(16) NOT NULL, "parent_id" uuid, "inferred" boolean NOT NULL DEFAULT false, "source" character varying(200), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "departments_kind_check" CHECK (kind IN ('leading_group', 'party_organ', 'government', 'judicial', 'street', 'community', 'mass_org', 'supervisory')), CONSTRAINT "PK_839517a681a86bb84cbcc6a1e9d" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "departments_code_key" ON "departments" ("code") `);
    await queryRunner.query(`CREATE INDEX "departments_parent_id_idx" ON "departments" ("parent_id") `);
    await queryRunner.query(
      `CREATE TABLE "users" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "username" character varying(64) NOT NULL, "display_name" character varying(100) NOT NULL, "password_hash" character varying(200) NOT NULL, "role" character varying(16) NOT NULL, "department_id" uuid, "disabled" boolean NOT NULL DEFAULT false, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "users_department_role_check" CHECK (role NOT IN ('dept_manager', 'dept_staff') OR department_id IS NOT NULL), CONSTRAINT "users_role_check" CHECK (role IN ('admin', 'office', 'leader', 'observer', 'dept_manager', 'dept_staff')), CONSTRAINT "PK_a3ffb1c0c8416b9fc6f907b7433" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "users_username_key" ON "users" ("username") `);
    await queryRunner.query(`CREATE INDEX "users_department_id_idx" ON "users" ("department_id") `);
    await queryRunner.query(
      `CREATE TABLE "plans" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "title" character varying(200) NOT NULL, "year" smallint NOT NULL, "status" character varying(16) NOT NULL DEFAULT 'draft', "time_zone" character varying(64) NOT NULL, "policy" jsonb NOT NULL, "description" text, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "plans_status_check" CHECK (status IN ('draft', 'active', 'closed')), CONSTRAINT "PK_3720521a81c7c24fe9b7202ba61" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "plans_year_idx" ON "plans" ("year") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "plans_year_title_key" ON "plans" ("year", "title") `);
    await queryRunner.query(
      `CREATE TABLE "problems" ("code" character varying(32) NOT NULL, "title" character varying(200) NOT NULL, "description" text, "source" character varying(200), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "id" uuid NOT NULL DEFAULT gen_random_uuid(), "plan_id" uuid NOT NULL, CONSTRAINT "PK_b3994afba6ab64a42cda1ccaeff" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "problems_plan_id_code_key" ON "problems" ("plan_id", "code") `,
    );
    await queryRunner.query(
      `CREATE TABLE "action_items" ("code" character varying(32) NOT NULL, "title" character varying(200) NOT NULL, "description" text, "source" character varying(200), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "id" uuid NOT NULL DEFAULT gen_random_uuid(), "plan_id" uuid NOT NULL, CONSTRAINT "PK_5a84b168b001636b379312104ab" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "action_items_plan_id_code_key" ON "action_items" ("plan_id", "code") `,
    );
    await queryRunner.query(
      `CREATE TABLE "responsibilities" ("code" character varying(32) NOT NULL, "title" character varying(200) NOT NULL, "description" text, "source" character varying(200), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "id" uuid NOT NULL DEFAULT gen_random_uuid(), "plan_id" uuid NOT NULL, CONSTRAINT "PK_e22aa58654a4ecfe29d882b85eb" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "responsibilities_plan_id_code_key" ON "responsibilities" ("plan_id", "code") `,
    );
    await queryRunner.query(
      `CREATE TABLE "targets" ("code" character varying(32) NOT NULL, "title" character varying(200) NOT NULL, "description" text, "source" character varying(200), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "id" uuid NOT NULL DEFAULT gen_random_uuid(), "responsibility_id" uuid NOT NULL, "plan_id" uuid NOT NULL, CONSTRAINT "PK_87084f49e9de9dd6a3e83906584" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "targets_responsibility_id_idx" ON "targets" ("responsibility_id") `,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "targets_plan_id_code_key" ON "targets" ("plan_id", "code") `,
    );
    await queryRunner.query(
      `CREATE TABLE "tasks" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "plan_id" uuid NOT NULL, "target_id" uuid, "action_item_id" uuid, "code" character varying(32) NOT NULL, "title" character varying(200) NOT NULL, "description" text, "status" character varying(16) NOT NULL DEFAULT 'draft', "lead_department_id" uuid NOT NULL, "start_at" TIMESTAMP WITH TIME ZONE NOT NULL, "due_at" TIMESTAMP WITH TIME ZONE NOT NULL, "original_due_at" TIMESTAMP WITH TIME ZONE NOT NULL, "progress" smallint NOT NULL DEFAULT '0', "version" integer NOT NULL DEFAULT '1', "deadline_version" integer NOT NULL DEFAULT '1', "return_count" smallint NOT NULL DEFAULT '0', "assigned_at" TIMESTAMP WITH TIME ZONE, "accepted_at" TIMESTAMP WITH TIME ZONE, "submitted_at" TIMESTAMP WITH TIME ZONE, "completed_at" TIMESTAMP WITH TIME ZONE, "source" character varying(200), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "tasks_progress_check" CHECK (progress BETWEEN 0 AND 100), CONSTRAINT "tasks_due_after_start_check" CHECK (due_at > start_at), CONSTRAINT "tasks_parent_check" CHECK ((target_id IS NULL) <> (action_item_id IS NULL)), CONSTRAINT "tasks_status_check" CHECK (status IN ('draft', 'assigned', 'accepted', 'in_progress', 'submitted', 'returned', 'completed', 'cancelled')), CONSTRAINT "PK_8d12ff38fcc62aaba2cab748772" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "tasks_target_id_idx" ON "tasks" ("target_id") `);
    await queryRunner.query(`CREATE INDEX "tasks_action_item_id_idx" ON "tasks" ("action_item_id") `);
    await queryRunner.query(
      `CREATE INDEX "tasks_lead_department_id_status_idx" ON "tasks" ("lead_department_id", "status") `,
    );
    await queryRunner.query(
      `CREATE INDEX "tasks_plan_id_status_due_at_idx" ON "tasks" ("plan_id", "status", "due_at") `,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "tasks_plan_id_code_key" ON "tasks" ("plan_id", "code") `);
    await queryRunner.query(
      `CREATE TABLE "task_events" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "task_id" uuid NOT NULL, "type" character varying(24) NOT NULL, "actor_id" uuid, "at" TIMESTAMP WITH TIME ZONE NOT NULL, "from_status" character varying(16), "to_status" character varying(16), "reason" character varying(2000), "data" jsonb, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_5ad150da47d65e2346ff40169cd" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "task_events_actor_id_idx" ON "task_events" ("actor_id") `);
    await queryRunner.query(`CREATE INDEX "task_events_task_id_at_idx" ON "task_events" ("task_id", "at") `);
    await queryRunner.query(
      `CREATE TABLE "progress_reports" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "task_id" uuid NOT NULL, "department_id" uuid NOT NULL, "author_id" uuid, "percent" smallint NOT NULL, "summary" character varying(5000) NOT NULL, "evidence" jsonb NOT NULL, "review_status" character varying(16) NOT NULL DEFAULT 'pending', "reviewed_by_id" uuid, "reviewed_at" TIMESTAMP WITH TIME ZONE, "review_comment" character varying(2000), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "progress_reports_review_status_check" CHECK (review_status IN ('pending', 'accepted', 'returned')), CONSTRAINT "progress_reports_percent_check" CHECK (percent BETWEEN 0 AND 100), CONSTRAINT "PK_175179020a43d5ec75ab1d6a04f" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "progress_reports_review_status_idx" ON "progress_reports" ("review_status") `,
    );
    await queryRunner.query(
      `CREATE INDEX "progress_reports_department_id_created_at_idx" ON "progress_reports" ("department_id", "created_at") `,
    );
    await queryRunner.query(
      `CREATE INDEX "progress_reports_task_id_created_at_idx" ON "progress_reports" ("task_id", "created_at") `,
    );
    await queryRunner.query(
      `CREATE TABLE "indicators" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "target_id" uuid NOT NULL, "code" character varying(64) NOT NULL, "name" character varying(200) NOT NULL, "unit" character varying(16) NOT NULL, "direction" character varying(3) NOT NULL, "target_value" numeric(14,2), "source" character varying(200), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "indicators_direction_check" CHECK (direction IN ('gte', 'lte')), CONSTRAINT "PK_6e24383c110600564187e92042e" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "indicators_target_id_code_key" ON "indicators" ("target_id", "code") `,
    );
    await queryRunner.query(
      `CREATE TABLE "indicator_readings" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "indicator_id" uuid NOT NULL, "value" numeric(14,2) NOT NULL, "observed_at" TIMESTAMP WITH TIME ZONE NOT NULL, "progress_report_id" uuid, "source" character varying(200), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_50dac41ae822cfdd973a41af3a6" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "indicator_readings_progress_report_id_idx" ON "indicator_readings" ("progress_report_id") `,
    );
    await queryRunner.query(
      `CREATE INDEX "indicator_readings_indicator_id_observed_at_idx" ON "indicator_readings" ("indicator_id", "observed_at") `,
    );
    await queryRunner.query(
      `CREATE TABLE "extension_requests" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "task_id" uuid NOT NULL, "requested_by_id" uuid, "current_due_at" TIMESTAMP WITH TIME ZONE NOT NULL, "requested_due_at" TIMESTAMP WITH TIME ZONE NOT NULL, "reason" character varying(2000) NOT NULL, "status" character varying(16) NOT NULL DEFAULT 'pending', "decided_by_id" uuid, "decided_at" TIMESTAMP WITH TIME ZONE, "comment" character varying(2000), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "extension_requests_status_check" CHECK (status IN ('pending', 'approved', 'rejected')), CONSTRAINT "PK_cf652cfbd6bc847a21929fd703f" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "extension_requests_one_pending_key" ON "extension_requests" ("task_id") WHERE status = 'pending'`,
    );
    await queryRunner.query(
      `CREATE INDEX "extension_requests_status_idx" ON "extension_requests" ("status") `,
    );
    await queryRunner.query(
      `CREATE INDEX "extension_requests_task_id_idx" ON "extension_requests" ("task_id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "action_item_problems" ("action_item_id" uuid NOT NULL, "problem_id" uuid NOT NULL, CONSTRAINT "PK_c95e5e71c67d597d04bd7ca12ce" PRIMARY KEY ("action_item_id", "problem_id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_08dfd81dfaca9cc50809a3f05e" ON "action_item_problems" ("action_item_id") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_91f0c037d3aae3019f1bff4067" ON "action_item_problems" ("problem_id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "task_co_departments" ("task_id" uuid NOT NULL, "department_id" uuid NOT NULL, CONSTRAINT "PK_2a27e022391dd97a58fec7817f8" PRIMARY KEY ("task_id", "department_id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_b13fa2ce92cef2edb3af3a06ec" ON "task_co_departments" ("task_id") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_7ba1ef16e0fe50ba91f0787d23" ON "task_co_departments" ("department_id") `,
    );
    await queryRunner.query(
      `ALTER TABLE "departments" ADD CONSTRAINT "FK_700b0b13f494cb37b6ca929e79b" FOREIGN KEY ("parent_id") REFERENCES "departments"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "users" ADD CONSTRAINT "FK_0921d1972cf861d568f5271cd85" FOREIGN KEY ("department_id") REFERENCES "departments"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "problems" ADD CONSTRAINT "FK_e4f18cee447529c01068d46b9f0" FOREIGN KEY ("plan_id") REFERENCES "plans"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "action_items" ADD CONSTRAINT "FK_d96e23223ee907ddd5750025ba9" FOREIGN KEY ("plan_id") REFERENCES "plans"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "responsibilities" ADD CONSTRAINT "FK_483322c8fbb0e71037468012989" FOREIGN KEY ("plan_id") REFERENCES "plans"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "targets" ADD CONSTRAINT "FK_ba53325c3fd9074906eed739f8a" FOREIGN KEY ("responsibility_id") REFERENCES "responsibilities"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "targets" ADD CONSTRAINT "FK_a9c53717a1a6f336cb100b0f6bd" FOREIGN KEY ("plan_id") REFERENCES "plans"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "tasks" ADD CONSTRAINT "FK_31a280e3d0a129221e614c63125" FOREIGN KEY ("plan_id") REFERENCES "plans"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "tasks" ADD CONSTRAINT "FK_b47d2b76f1e8e1e824213d8e34f" FOREIGN KEY ("target_id") REFERENCES "targets"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "tasks" ADD CONSTRAINT "FK_06b47923206df0fd18e38035752" FOREIGN KEY ("action_item_id") REFERENCES "action_items"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "tasks" ADD CONSTRAINT "FK_0d1c96b22a5793d9bbf9cc90dbd" FOREIGN KEY ("lead_department_id") REFERENCES "departments"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "task_events" ADD CONSTRAINT "FK_dda9e4deb97e6b0f7693c0f163d" FOREIGN KEY ("task_id") REFERENCES "tasks"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "task_events" ADD CONSTRAINT "FK_b984845392ced1c34b090f2e8fc" FOREIGN KEY ("actor_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "progress_reports" ADD CONSTRAINT "FK_fb620dac8dd4c96e43f27e297ce" FOREIGN KEY ("task_id") REFERENCES "tasks"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "progress_reports" ADD CONSTRAINT "FK_2143449220c30f64af8057d6c07" FOREIGN KEY ("department_id") REFERENCES "departments"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "progress_reports" ADD CONSTRAINT "FK_f864824fd30ab3fb7a647192104" FOREIGN KEY ("author_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "progress_reports" ADD CONSTRAINT "FK_348354ab1b25ef5bae032760702" FOREIGN KEY ("reviewed_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "indicators" ADD CONSTRAINT "FK_95704bd371e52ce12784c521cc9" FOREIGN KEY ("target_id") REFERENCES "targets"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "indicator_readings" ADD CONSTRAINT "FK_a479d8827d61aaf1c57c35a4b2c" FOREIGN KEY ("indicator_id") REFERENCES "indicators"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "indicator_readings" ADD CONSTRAINT "FK_2e82b8b3c4546d95c939a803e74" FOREIGN KEY ("progress_report_id") REFERENCES "progress_reports"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "extension_requests" ADD CONSTRAINT "FK_9f7f906d26983d95257acdba174" FOREIGN KEY ("task_id") REFERENCES "tasks"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "extension_requests" ADD CONSTRAINT "FK_61642465b6c9e90caf9b73a65dc" FOREIGN KEY ("requested_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "extension_requests" ADD CONSTRAINT "FK_002cbe6862af907dda62cb5b55c" FOREIGN KEY ("decided_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "action_item_problems" ADD CONSTRAINT "FK_08dfd81dfaca9cc50809a3f05e2" FOREIGN KEY ("action_item_id") REFERENCES "action_items"("id") ON DELETE CASCADE ON UPDATE CASCADE`,
    );
    await queryRunner.query(
      `ALTER TABLE "action_item_problems" ADD CONSTRAINT "FK_91f0c037d3aae3019f1bff40674" FOREIGN KEY ("problem_id") REFERENCES "problems"("id") ON DELETE CASCADE ON UPDATE CASCADE`,
    );
    await queryRunner.query(
      `ALTER TABLE "task_co_departments" ADD CONSTRAINT "FK_b13fa2ce92cef2edb3af3a06ec0" FOREIGN KEY ("task_id") REFERENCES "tasks"("id") ON DELETE CASCADE ON UPDATE CASCADE`,
    );
    await queryRunner.query(
      `ALTER TABLE "task_co_departments" ADD CONSTRAINT "FK_7ba1ef16e0fe50ba91f0787d235" FOREIGN KEY ("department_id") REFERENCES "departments"("id") ON DELETE CASCADE ON UPDATE CASCADE`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "task_co_departments" DROP CONSTRAINT "FK_7ba1ef16e0fe50ba91f0787d235"`,
    );
    await queryRunner.query(
      `ALTER TABLE "task_co_departments" DROP CONSTRAINT "FK_b13fa2ce92cef2edb3af3a06ec0"`,
    );
    await queryRunner.query(
      `ALTER TABLE "action_item_problems" DROP CONSTRAINT "FK_91f0c037d3aae3019f1bff40674"`,
    );
    await queryRunner.query(
      `ALTER TABLE "action_item_problems" DROP CONSTRAINT "FK_08dfd81dfaca9cc50809a3f05e2"`,
    );
    await queryRunner.query(
      `ALTER TABLE "extension_requests" DROP CONSTRAINT "FK_002cbe6862af907dda62cb5b55c"`,
    );
    await queryRunner.query(
      `ALTER TABLE "extension_requests" DROP CONSTRAINT "FK_61642465b6c9e90caf9b73a65dc"`,
    );
    await queryRunner.query(
      `ALTER TABLE "extension_requests" DROP CONSTRAINT "FK_9f7f906d26983d95257acdba174"`,
    );
    await queryRunner.query(
      `ALTER TABLE "indicator_readings" DROP CONSTRAINT "FK_2e82b8b3c4546d95c939a803e74"`,
    );
    await queryRunner.query(
      `ALTER TABLE "indicator_readings" DROP CONSTRAINT "FK_a479d8827d61aaf1c57c35a4b2c"`,
    );
    await queryRunner.query(`ALTER TABLE "indicators" DROP CONSTRAINT "FK_95704bd371e52ce12784c521cc9"`);
    await queryRunner.query(
      `ALTER TABLE "progress_reports" DROP CONSTRAINT "FK_348354ab1b25ef5bae032760702"`,
    );
    await queryRunner.query(
      `ALTER TABLE "progress_reports" DROP CONSTRAINT "FK_f864824fd30ab3fb7a647192104"`,
    );
    await queryRunner.query(
      `ALTER TABLE "progress_reports" DROP CONSTRAINT "FK_2143449220c30f64af8057d6c07"`,
    );
    await queryRunner.query(
      `ALTER TABLE "progress_reports" DROP CONSTRAINT "FK_fb620dac8dd4c96e43f27e297ce"`,
    );
    await queryRunner.query(`ALTER TABLE "task_events" DROP CONSTRAINT "FK_b984845392ced1c34b090f2e8fc"`);
    await queryRunner.query(`ALTER TABLE "task_events" DROP CONSTRAINT "FK_dda9e4deb97e6b0f7693c0f163d"`);
    await queryRunner.query(`ALTER TABLE "tasks" DROP CONSTRAINT "FK_0d1c96b22a5793d9bbf9cc90dbd"`);
    await queryRunner.query(`ALTER TABLE "tasks" DROP CONSTRAINT "FK_06b47923206df0fd18e38035752"`);
    await queryRunner.query(`ALTER TABLE "tasks" DROP CONSTRAINT "FK_b47d2b76f1e8e1e824213d8e34f"`);
    await queryRunner.query(`ALTER TABLE "tasks" DROP CONSTRAINT "FK_31a280e3d0a129221e614c63125"`);
    await queryRunner.query(`ALTER TABLE "targets" DROP CONSTRAINT "FK_a9c53717a1a6f336cb100b0f6bd"`);
    await queryRunner.query(`ALTER TABLE "targets" DROP CONSTRAINT "FK_ba53325c3fd9074906eed739f8a"`);
    await queryRunner.query(
      `ALTER TABLE "responsibilities" DROP CONSTRAINT "FK_483322c8fbb0e71037468012989"`,
    );
    await queryRunner.query(`ALTER TABLE "action_items" DROP CONSTRAINT "FK_d96e23223ee907ddd5750025ba9"`);
    await queryRunner.query(`ALTER TABLE "problems" DROP CONSTRAINT "FK_e4f18cee447529c01068d46b9f0"`);
    await queryRunner.query(`ALTER TABLE "users" DROP CONSTRAINT "FK_0921d1972cf861d568f5271cd85"`);
    await queryRunner.query(`ALTER TABLE "departments" DROP CONSTRAINT "FK_700b0b13f494cb37b6ca929e79b"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_7ba1ef16e0fe50ba91f0787d23"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_b13fa2ce92cef2edb3af3a06ec"`);
    await queryRunner.query(`DROP TABLE "task_co_departments"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_91f0c037d3aae3019f1bff4067"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_08dfd81dfaca9cc50809a3f05e"`);
    await queryRunner.query(`DROP TABLE "action_item_problems"`);
    await queryRunner.query(`DROP INDEX "public"."extension_requests_task_id_idx"`);
    await queryRunner.query(`DROP INDEX "public"."extension_requests_status_idx"`);
    await queryRunner.query(`DROP INDEX "public"."extension_requests_one_pending_key"`);
    await queryRunner.query(`DROP TABLE "extension_requests"`);
    await queryRunner.query(`DROP INDEX "public"."indicator_readings_indicator_id_observed_at_idx"`);
    await queryRunner.query(`DROP INDEX "public"."indicator_readings_progress_report_id_idx"`);
    await queryRunner.query(`DROP TABLE "indicator_readings"`);
    await queryRunner.query(`DROP INDEX "public"."indicators_target_id_code_key"`);
    await queryRunner.query(`DROP TABLE "indicators"`);
    await queryRunner.query(`DROP INDEX "public"."progress_reports_task_id_created_at_idx"`);
    await queryRunner.query(`DROP INDEX "public"."progress_reports_department_id_created_at_idx"`);
    await queryRunner.query(`DROP INDEX "public"."progress_reports_review_status_idx"`);
    await queryRunner.query(`DROP TABLE "progress_reports"`);
    await queryRunner.query(`DROP INDEX "public"."task_events_task_id_at_idx"`);
    await queryRunner.query(`DROP INDEX "public"."task_events_actor_id_idx"`);
    await queryRunner.query(`DROP TABLE "task_events"`);
    await queryRunner.query(`DROP INDEX "public"."tasks_plan_id_code_key"`);
    await queryRunner.query(`DROP INDEX "public"."tasks_plan_id_status_due_at_idx"`);
    await queryRunner.query(`DROP INDEX "public"."tasks_lead_department_id_status_idx"`);
    await queryRunner.query(`DROP INDEX "public"."tasks_action_item_id_idx"`);
    await queryRunner.query(`DROP INDEX "public"."tasks_target_id_idx"`);
    await queryRunner.query(`DROP TABLE "tasks"`);
    await queryRunner.query(`DROP INDEX "public"."targets_plan_id_code_key"`);
    await queryRunner.query(`DROP INDEX "public"."targets_responsibility_id_idx"`);
    await queryRunner.query(`DROP TABLE "targets"`);
    await queryRunner.query(`DROP INDEX "public"."responsibilities_plan_id_code_key"`);
    await queryRunner.query(`DROP TABLE "responsibilities"`);
    await queryRunner.query(`DROP INDEX "public"."action_items_plan_id_code_key"`);
    await queryRunner.query(`DROP TABLE "action_items"`);
    await queryRunner.query(`DROP INDEX "public"."problems_plan_id_code_key"`);
    await queryRunner.query(`DROP TABLE "problems"`);
    await queryRunner.query(`DROP INDEX "public"."plans_year_title_key"`);
    await queryRunner.query(`DROP INDEX "public"."plans_year_idx"`);
    await queryRunner.query(`DROP TABLE "plans"`);
    await queryRunner.query(`DROP INDEX "public"."users_department_id_idx"`);
    await queryRunner.query(`DROP INDEX "public"."users_username_key"`);
    await queryRunner.query(`DROP TABLE "users"`);
    await queryRunner.query(`DROP INDEX "public"."departments_parent_id_idx"`);
    await queryRunner.query(`DROP INDEX "public"."departments_code_key"`);
    await queryRunner.query(`DROP TABLE "departments"`);
  }
}
