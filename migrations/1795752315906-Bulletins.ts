import { MigrationInterface, QueryRunner } from 'typeorm';

/** Monthly bulletins (immutable snapshots, versioned per plan and month) and departments' calendar feed tokens. */
export class Bulletins1795752315906 implements MigrationInterface {
  name = 'Bulletins1795752315906';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "department_calendar_tokens" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "department_id" uuid NOT NULL, "token_hash" character(64) NOT NULL, "created_by_id" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "revoked_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_064663bc9d6af6cad9cff807e84" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "department_calendar_tokens_live_key" ON "department_calendar_tokens" ("department_id") WHERE revoked_at IS NULL`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "department_calendar_tokens_token_hash_key" ON "department_calendar_tokens" ("token_hash") `,
    );
    await queryRunner.query(
      `CREATE TABLE "bulletins" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "plan_id" uuid NOT NULL, "month" character varying(7) NOT NULL, "version" integer NOT NULL, "generated_at" TIMESTAMP WITH TIME ZONE NOT NULL, "generated_by_id" uuid, "snapshot" jsonb NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "bulletins_version_check" CHECK (version >= 1), CONSTRAINT "bulletins_month_check" CHECK (month ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'), CONSTRAINT "PK_2a8a95dd56d5a3507074c35954e" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "bulletins_generated_by_id_idx" ON "bulletins" ("generated_by_id") `,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "bulletins_plan_id_month_version_key" ON "bulletins" ("plan_id", "month", "version") `,
    );
    await queryRunner.query(
      `ALTER TABLE "department_calendar_tokens" ADD CONSTRAINT "FK_e25d93bdb394f5d599f7a0480a2" FOREIGN KEY ("department_id") REFERENCES "departments"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "department_calendar_tokens" ADD CONSTRAINT "FK_461a8b5faaa072aa4e4d3f41ec3" FOREIGN KEY ("created_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "bulletins" ADD CONSTRAINT "FK_47875dcc4c27dd38ddfaa019402" FOREIGN KEY ("plan_id") REFERENCES "plans"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "bulletins" ADD CONSTRAINT "FK_14876b5f274146a0c9d58a794ef" FOREIGN KEY ("generated_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "bulletins" DROP CONSTRAINT "FK_14876b5f274146a0c9d58a794ef"`);
    await queryRunner.query(`ALTER TABLE "bulletins" DROP CONSTRAINT "FK_47875dcc4c27dd38ddfaa019402"`);
    await queryRunner.query(
      `ALTER TABLE "department_calendar_tokens" DROP CONSTRAINT "FK_461a8b5faaa072aa4e4d3f41ec3"`,
    );
    await queryRunner.query(
      `ALTER TABLE "department_calendar_tokens" DROP CONSTRAINT "FK_e25d93bdb394f5d599f7a0480a2"`,
    );
    await queryRunner.query(`DROP INDEX "public"."bulletins_plan_id_month_version_key"`);
    await queryRunner.query(`DROP INDEX "public"."bulletins_generated_by_id_idx"`);
    await queryRunner.query(`DROP TABLE "bulletins"`);
    await queryRunner.query(`DROP INDEX "public"."department_calendar_tokens_token_hash_key"`);
    await queryRunner.query(`DROP INDEX "public"."department_calendar_tokens_live_key"`);
    await queryRunner.query(`DROP TABLE "department_calendar_tokens"`);
  }
}
