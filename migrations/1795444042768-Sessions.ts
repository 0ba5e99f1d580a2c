import { MigrationInterface, QueryRunner } from 'typeorm';

export class Sessions1795444042768 implements MigrationInterface {
  name = 'Sessions1795444042768';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TYPE "public"."session_kind" AS ENUM('REGULAR', 'SPECIAL')`);
    await queryRunner.query(`CREATE TYPE "public"."session_status" AS ENUM('SCHEDULED', 'IN_PROGRESS', 'ADJOURNED', 'CANCELLED')`);
    await queryRunner.query(
      `CREATE TABLE "council_session" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "council_id" uuid NOT NULL, "kind" "public"."session_kind" NOT NULL, "status" "public"."session_status" NOT NULL DEFAULT 'SCHEDULED', "title" text NOT NULL, "starts_at" TIMESTAMP WITH TIME ZONE NOT NULL, "ends_at" TIMESTAMP WITH TIME ZONE NOT NULL, "location" text, "online_link" text, "convened_at" TIMESTAMP WITH TIME ZONE NOT NULL, "started_at" TIMESTAMP WITH TIME ZONE, "adjourned_at" TIMESTAMP WITH TIME ZONE, "cancelled_at" TIMESTAMP WITH TIME ZONE, "cancel_reason" text, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_19712e98e59eaa09f5abcf77da4" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_3017d8273cf8ba51c2a93d6ec1" ON "council_session"  ("council_id", "starts_at") `);
    await queryRunner.query(
      `CREATE TABLE "session_agenda_item" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "session_id" uuid NOT NULL, "position" integer NOT NULL, "title" text NOT NULL, CONSTRAINT "PK_3d805db97a843ee4c825591b2f3" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_b37f1bb8023731fe883a0f04c0" ON "session_agenda_item"  ("session_id", "position") `);
    await queryRunner.query(
      `ALTER TABLE "council_session" ADD CONSTRAINT "FK_95b4d803dbb387a32ff9ef4bf9d" FOREIGN KEY ("council_id") REFERENCES "council"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "session_agenda_item" ADD CONSTRAINT "FK_eb280e7bd82fb70f0939664a3f2" FOREIGN KEY ("session_id") REFERENCES "council_session"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "session_agenda_item" DROP CONSTRAINT "FK_eb280e7bd82fb70f0939664a3f2"`);
    await queryRunner.query(`ALTER TABLE "council_session" DROP CONSTRAINT "FK_95b4d803dbb387a32ff9ef4bf9d"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_b37f1bb8023731fe883a0f04c0"`);
    await queryRunner.query(`DROP TABLE "session_agenda_item"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_3017d8273cf8ba51c2a93d6ec1"`);
    await queryRunner.query(`DROP TABLE "council_session"`);
    await queryRunner.query(`DROP TYPE "public"."session_status"`);
    await queryRunner.query(`DROP TYPE "public"."session_kind"`);
  }
}
