import { MigrationInterface, QueryRunner } from 'typeorm';

export class Compliance1795446996116 implements MigrationInterface {
  name = 'Compliance1795446996116';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "agreement" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "council_id" uuid NOT NULL, "committee_id" uuid NOT NULL, "title" text NOT NULL, "parties" jsonb NOT NULL, "concluded_on" date NOT NULL, "place" text NOT NULL, "source_references" text array NOT NULL, "recorded_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_e7537188219eeef56233a609753" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_15f0fba97c404b12c9720e9e23" ON "agreement"  ("council_id", "committee_id") `);
    await queryRunner.query(
      `CREATE TABLE "agreement_term" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "agreement_id" uuid NOT NULL, "position" integer NOT NULL, "current_version" integer NOT NULL, CONSTRAINT "UQ_agreement_term_position" UNIQUE ("agreement_id", "position"), CONSTRAINT "PK_daf7516eb9ee7f44199e2337a5d" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "agreement_term_version" ("term_id" uuid NOT NULL, "version" integer NOT NULL, "obligation" text NOT NULL, "responsible_party" text NOT NULL, "due_date" date, "tags" text array NOT NULL, "reason" text, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_4fcae73c38bb4f4f54eb852de4c" PRIMARY KEY ("term_id", "version"))`,
    );
    await queryRunner.query(
      `CREATE TYPE "public"."compliance_status" AS ENUM('COMPLIANT', 'PARTIALLY_COMPLIANT', 'NON_COMPLIANT', 'UNKNOWN')`,
    );
    await queryRunner.query(
      `CREATE TABLE "term_assessment" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "term_id" uuid NOT NULL, "status" "public"."compliance_status" NOT NULL, "observed_on" date NOT NULL, "summary" text NOT NULL, "term_version" integer NOT NULL, "recorded_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT clock_timestamp(), CONSTRAINT "PK_c4708b939c5e88733e464fde3c0" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_63040ea5480260c53edb622472" ON "term_assessment"  ("term_id", "observed_on", "recorded_at") `,
    );
    await queryRunner.query(`CREATE TYPE "public"."evidence_visibility" AS ENUM('PUBLIC', 'RESTRICTED')`);
    await queryRunner.query(
      `CREATE TABLE "assessment_evidence" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "assessment_id" uuid NOT NULL, "position" integer NOT NULL, "visibility" "public"."evidence_visibility" NOT NULL, "title" text NOT NULL, "dated_on" date, "source" text NOT NULL, "file_hash" text, "content_sha256" text NOT NULL, CONSTRAINT "PK_d9d026acc7503f878116fb09f1d" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_fae2854e241d69b6e3d0af60e4" ON "assessment_evidence"  ("assessment_id") `);
    await queryRunner.query(
      `CREATE TABLE "term_escalation" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "term_id" uuid NOT NULL, "resolution_id" uuid NOT NULL, "assessment_id" uuid NOT NULL, "evidence_ids" uuid array NOT NULL, "escalated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "UQ_c31b6e9c155789745254dba91e8" UNIQUE ("resolution_id"), CONSTRAINT "PK_54ffcaf999f0eb5e9dac6c044f6" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_0d29fad320aa095598a4667ce8" ON "term_escalation"  ("term_id") `);
    await queryRunner.query(
      `ALTER TABLE "agreement" ADD CONSTRAINT "FK_c0cfde1e11eb9e8c1b53f00361e" FOREIGN KEY ("council_id") REFERENCES "council"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "agreement" ADD CONSTRAINT "FK_659bafe242f64db48bc62db7210" FOREIGN KEY ("committee_id") REFERENCES "committee"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "agreement_term" ADD CONSTRAINT "FK_a95b979ea725de2b110964bd7e7" FOREIGN KEY ("agreement_id") REFERENCES "agreement"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "agreement_term_version" ADD CONSTRAINT "FK_3840c47b117215617f866dc5224" FOREIGN KEY ("term_id") REFERENCES "agreement_term"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "term_assessment" ADD CONSTRAINT "FK_e63bf55f7c0141f6d90770cca6e" FOREIGN KEY ("term_id") REFERENCES "agreement_term"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "assessment_evidence" ADD CONSTRAINT "FK_fae2854e241d69b6e3d0af60e44" FOREIGN KEY ("assessment_id") REFERENCES "term_assessment"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "term_escalation" ADD CONSTRAINT "FK_0d29fad320aa095598a4667ce8f" FOREIGN KEY ("term_id") REFERENCES "agreement_term"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "term_escalation" ADD CONSTRAINT "FK_c31b6e9c155789745254dba91e8" FOREIGN KEY ("resolution_id") REFERENCES "resolution"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "term_escalation" ADD CONSTRAINT "FK_b86f8887c0091e7d6cae574f2ab" FOREIGN KEY ("assessment_id") REFERENCES "term_assessment"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "term_escalation" DROP CONSTRAINT "FK_b86f8887c0091e7d6cae574f2ab"`);
    await queryRunner.query(`ALTER TABLE "term_escalation" DROP CONSTRAINT "FK_c31b6e9c155789745254dba91e8"`);
    await queryRunner.query(`ALTER TABLE "term_escalation" DROP CONSTRAINT "FK_0d29fad320aa095598a4667ce8f"`);
    await queryRunner.query(`ALTER TABLE "assessment_evidence" DROP CONSTRAINT "FK_fae2854e241d69b6e3d0af60e44"`);
    await queryRunner.query(`ALTER TABLE "term_assessment" DROP CONSTRAINT "FK_e63bf55f7c0141f6d90770cca6e"`);
    await queryRunner.query(`ALTER TABLE "agreement_term_version" DROP CONSTRAINT "FK_3840c47b117215617f866dc5224"`);
    await queryRunner.query(`ALTER TABLE "agreement_term" DROP CONSTRAINT "FK_a95b979ea725de2b110964bd7e7"`);
    await queryRunner.query(`ALTER TABLE "agreement" DROP CONSTRAINT "FK_659bafe242f64db48bc62db7210"`);
    await queryRunner.query(`ALTER TABLE "agreement" DROP CONSTRAINT "FK_c0cfde1e11eb9e8c1b53f00361e"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_0d29fad320aa095598a4667ce8"`);
    await queryRunner.query(`DROP TABLE "term_escalation"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_fae2854e241d69b6e3d0af60e4"`);
    await queryRunner.query(`DROP TABLE "assessment_evidence"`);
    await queryRunner.query(`DROP TYPE "public"."evidence_visibility"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_63040ea5480260c53edb622472"`);
    await queryRunner.query(`DROP TABLE "term_assessment"`);
    await queryRunner.query(`DROP TYPE "public"."compliance_status"`);
    await queryRunner.query(`DROP TABLE "agreement_term_version"`);
    await queryRunner.query(`DROP TABLE "agreement_term"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_15f0fba97c404b12c9720e9e23"`);
    await queryRunner.query(`DROP TABLE "agreement"`);
  }
}
