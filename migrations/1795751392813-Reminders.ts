import { MigrationInterface, QueryRunner } from 'typeorm';

export class Reminders1795751392813 implements MigrationInterface {
  name = 'Reminders1795751392813';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "reminders" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "dedupe_key" character varying(200) NOT NULL, "kind" character varying(16) NOT NULL, "plan_id" uuid NOT NULL, "task_id" uuid, "department_id" uuid, "offset" character varying(32), "level" smallint NOT NULL DEFAULT '0', "deadline_version" integer, "due_at" TIMESTAMP WITH TIME ZONE NOT NULL, "status" character varying(16) NOT NULL DEFAULT 'pending', "claimed_at" TIMESTAMP WITH TIME ZONE, "claimed_by" character varying(100), "attempts" integer NOT NULL DEFAULT '0', "sent_at" TIMESTAMP WITH TIME ZONE, "recipients" jsonb, "message" character varying(2000), "created_by_id" uuid, "last_error" character varying(2000), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "reminders_status_check" CHECK (status IN ('pending', 'sending', 'sent', 'cancelled', 'failed')), CONSTRAINT "reminders_kind_check" CHECK (kind IN ('before_due', 'overdue', 'escalation', 'accept_overdue', 'monthly_report', 'urge', 'returned', 'assigned')), CONSTRAINT "PK_38715fec7f634b72c6cf7ea4893" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "reminders_pending_due_at_idx" ON "reminders" ("due_at") WHERE status = 'pending'`,
    );
    await queryRunner.query(`CREATE INDEX "reminders_task_id_idx" ON "reminders" ("task_id") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "reminders_dedupe_key_key" ON "reminders" ("dedupe_key") `);
    await queryRunner.query(
      `CREATE TABLE "notifications" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "user_id" uuid NOT NULL, "reminder_id" uuid NOT NULL, "kind" character varying(16) NOT NULL, "task_id" uuid, "title" character varying(200) NOT NULL, "body" character varying(4000) NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "read_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_6a72c3c0f683f6462415e653c3a" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "notifications_task_id_idx" ON "notifications" ("task_id") `);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "notifications_reminder_id_user_id_key" ON "notifications" ("reminder_id", "user_id") `,
    );
    await queryRunner.query(
      `CREATE INDEX "notifications_user_id_created_at_idx" ON "notifications" ("user_id", "created_at") `,
    );
    await queryRunner.query(
      `CREATE TABLE "department_webhooks" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "department_id" uuid NOT NULL, "url" character varying(2000) NOT NULL, "format" character varying(16) NOT NULL, "msg_type" character varying(16) NOT NULL DEFAULT 'text', "secret" character varying(200), "enabled" boolean NOT NULL DEFAULT true, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "department_webhooks_msg_type_check" CHECK (msg_type IN ('text', 'markdown')), CONSTRAINT "department_webhooks_format_check" CHECK (format IN ('json', 'dingtalk', 'wecom')), CONSTRAINT "PK_9d3dad2247fadfdf7b5f0fd5d49" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "department_webhooks_department_id_idx" ON "department_webhooks" ("department_id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "deliveries" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "reminder_id" uuid NOT NULL, "channel" character varying(16) NOT NULL, "target" character varying(320) NOT NULL, "status" character varying(16) NOT NULL DEFAULT 'pending', "attempts" integer NOT NULL DEFAULT '0', "last_error" character varying(2000), "sent_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "deliveries_status_check" CHECK (status IN ('pending', 'sent', 'failed')), CONSTRAINT "deliveries_channel_check" CHECK (channel IN ('email', 'webhook')), CONSTRAINT "PK_a6ef225c5c5f0974e503bfb731f" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "deliveries_pending_idx" ON "deliveries" ("created_at") WHERE status = 'pending'`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "deliveries_reminder_id_channel_target_key" ON "deliveries" ("reminder_id", "channel", "target") `,
    );
    await queryRunner.query(`ALTER TABLE "users" ADD "email" character varying(320)`);
    await queryRunner.query(
      `ALTER TABLE "reminders" ADD CONSTRAINT "FK_7381943ad26325c942ec8bea6ba" FOREIGN KEY ("plan_id") REFERENCES "plans"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "reminders" ADD CONSTRAINT "FK_724a04dce0aad114ddfe9e8140b" FOREIGN KEY ("task_id") REFERENCES "tasks"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "reminders" ADD CONSTRAINT "FK_2777c340d5edab103f50ad87c93" FOREIGN KEY ("department_id") REFERENCES "departments"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "notifications" ADD CONSTRAINT "FK_9a8a82462cab47c73d25f49261f" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "notifications" ADD CONSTRAINT "FK_aee0b650dc7d27fff5bc0cb906c" FOREIGN KEY ("reminder_id") REFERENCES "reminders"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "notifications" ADD CONSTRAINT "FK_b4a7cd30c9f4ca1b23ef0eb6dd8" FOREIGN KEY ("task_id") REFERENCES "tasks"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "department_webhooks" ADD CONSTRAINT "FK_b101f0b0bdf1c2d60c2f68d01f6" FOREIGN KEY ("department_id") REFERENCES "departments"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "deliveries" ADD CONSTRAINT "FK_bb2168befc136f849ec36d84254" FOREIGN KEY ("reminder_id") REFERENCES "reminders"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "deliveries" DROP CONSTRAINT "FK_bb2168befc136f849ec36d84254"`);
    await queryRunner.query(
      `ALTER TABLE "department_webhooks" DROP CONSTRAINT "FK_b101f0b0bdf1c2d60c2f68d01f6"`,
    );
    await queryRunner.query(`ALTER TABLE "notifications" DROP CONSTRAINT "FK_b4a7cd30c9f4ca1b23ef0eb6dd8"`);
    await queryRunner.query(`ALTER TABLE "notifications" DROP CONSTRAINT "FK_aee0b650dc7d27fff5bc0cb906c"`);
    await queryRunner.query(`ALTER TABLE "notifications" DROP CONSTRAINT "FK_9a8a82462cab47c73d25f49261f"`);
    await queryRunner.query(`ALTER TABLE "reminders" DROP CONSTRAINT "FK_2777c340d5edab103f50ad87c93"`);
    await queryRunner.query(`ALTER TABLE "reminders" DROP CONSTRAINT "FK_724a04dce0aad114ddfe9e8140b"`);
    await queryRunner.query(`ALTER TABLE "reminders" DROP CONSTRAINT "FK_7381943ad26325c942ec8bea6ba"`);
    await queryRunner.query(`ALTER TABLE "users" DROP COLUMN "email"`);
    await queryRunner.query(`DROP INDEX "public"."deliveries_reminder_id_channel_target_key"`);
    await queryRunner.query(`DROP INDEX "public"."deliveries_pending_idx"`);
    await queryRunner.query(`DROP TABLE "deliveries"`);
    await queryRunner.query(`DROP INDEX "public"."department_webhooks_department_id_idx"`);
    await queryRunner.query(`DROP TABLE "department_webhooks"`);
    await queryRunner.query(`DROP INDEX "public"."notifications_user_id_created_at_idx"`);
    await queryRunner.query(`DROP INDEX "public"."notifications_reminder_id_user_id_key"`);
    await queryRunner.query(`DROP INDEX "public"."notifications_task_id_idx"`);
    await queryRunner.query(`DROP TABLE "notifications"`);
    await queryRunner.query(`DROP INDEX "public"."reminders_dedupe_key_key"`);
    await queryRunner.query(`DROP INDEX "public"."reminders_task_id_idx"`);
    await queryRunner.query(`DROP INDEX "public"."reminders_pending_due_at_idx"`);
    await queryRunner.query(`DROP TABLE "reminders"`);
  }
}
