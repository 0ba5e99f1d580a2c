import { MigrationInterface, QueryRunner } from 'typeorm';

export class Petitions1795445443801 implements MigrationInterface {
  name = 'Petitions1795445443801';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "session_attendance" ("session_id" uuid NOT NULL, "delegate_id" uuid NOT NULL, "present" boolean NOT NULL, "changed_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_48f3ce14480bbc9c1417d45749b" PRIMARY KEY ("session_id", "delegate_id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_c3ed99c866197e78edaa720051" ON "session_attendance"  ("delegate_id") `);
    await queryRunner.query(`CREATE TYPE "public"."petition_status" AS ENUM('OPEN', 'THRESHOLD_MET', 'EXPIRED', 'CONVENED')`);
    await queryRunner.query(
      `CREATE TABLE "petition" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "council_id" uuid NOT NULL, "opened_by_delegate_id" uuid NOT NULL, "purpose" text NOT NULL, "proposed_agenda" text array NOT NULL, "status" "public"."petition_status" NOT NULL DEFAULT 'OPEN', "opened_at" TIMESTAMP WITH TIME ZONE NOT NULL, "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, "threshold_met_at" TIMESTAMP WITH TIME ZONE, "snapshot_seated" integer, "snapshot_valid_signatures" integer, "snapshot_signers" uuid array, "convene_deadline" TIMESTAMP WITH TIME ZONE, "convened_session_id" uuid, "convened_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_469bc03ae1fe441954bcb2e6a0c" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_603319ebcc44da33e7edf0121e" ON "petition"  ("council_id", "status") `);
    await queryRunner.query(
      `CREATE TABLE "petition_signature" ("petition_id" uuid NOT NULL, "delegate_id" uuid NOT NULL, "signed_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_bf40aa377723c3ea56aff504471" PRIMARY KEY ("petition_id", "delegate_id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_db5eafdc586c0fd86edf81817c" ON "petition_signature"  ("delegate_id") `);
    await queryRunner.query(
      `ALTER TABLE "session_attendance" ADD CONSTRAINT "FK_fe13eeaaceb32f7ef9a269e1af2" FOREIGN KEY ("session_id") REFERENCES "council_session"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "session_attendance" ADD CONSTRAINT "FK_c3ed99c866197e78edaa7200510" FOREIGN KEY ("delegate_id") REFERENCES "delegate"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "petition" ADD CONSTRAINT "FK_5a3eb2df529d8dcd2728e58b4be" FOREIGN KEY ("council_id") REFERENCES "council"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "petition" ADD CONSTRAINT "FK_7a11fcde4a04a7ed6f75a0de912" FOREIGN KEY ("opened_by_delegate_id") REFERENCES "delegate"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "petition" ADD CONSTRAINT "FK_2acfd3cf269f216915c8697b71c" FOREIGN KEY ("convened_session_id") REFERENCES "council_session"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "petition_signature" ADD CONSTRAINT "FK_518ada285b372ba6d6e8f93272c" FOREIGN KEY ("petition_id") REFERENCES "petition"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "petition_signature" ADD CONSTRAINT "FK_db5eafdc586c0fd86edf81817c0" FOREIGN KEY ("delegate_id") REFERENCES "delegate"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "petition_signature" DROP CONSTRAINT "FK_db5eafdc586c0fd86edf81817c0"`);
    await queryRunner.query(`ALTER TABLE "petition_signature" DROP CONSTRAINT "FK_518ada285b372ba6d6e8f93272c"`);
    await queryRunner.query(`ALTER TABLE "petition" DROP CONSTRAINT "FK_2acfd3cf269f216915c8697b71c"`);
    await queryRunner.query(`ALTER TABLE "petition" DROP CONSTRAINT "FK_7a11fcde4a04a7ed6f75a0de912"`);
    await queryRunner.query(`ALTER TABLE "petition" DROP CONSTRAINT "FK_5a3eb2df529d8dcd2728e58b4be"`);
    await queryRunner.query(`ALTER TABLE "session_attendance" DROP CONSTRAINT "FK_c3ed99c866197e78edaa7200510"`);
    await queryRunner.query(`ALTER TABLE "session_attendance" DROP CONSTRAINT "FK_fe13eeaaceb32f7ef9a269e1af2"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_db5eafdc586c0fd86edf81817c"`);
    await queryRunner.query(`DROP TABLE "petition_signature"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_603319ebcc44da33e7edf0121e"`);
    await queryRunner.query(`DROP TABLE "petition"`);
    await queryRunner.query(`DROP TYPE "public"."petition_status"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_c3ed99c866197e78edaa720051"`);
    await queryRunner.query(`DROP TABLE "session_attendance"`);
  }
}
