import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Indexes for the read paths the benchmark measures: the ranking and the score explanation count a plan's
 * sent escalations and monthly-report reminders, which without this scan every reminder of every plan.
 */
export class ReadIndexes1795763758114 implements MigrationInterface {
  name = 'ReadIndexes1795763758114';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE INDEX "reminders_plan_id_kind_status_idx" ON "reminders" ("plan_id", "kind", "status") `,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."reminders_plan_id_kind_status_idx"`);
  }
}
