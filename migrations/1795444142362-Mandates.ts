import { MigrationInterface, QueryRunner } from 'typeorm';

export class Mandates1795444142362 implements MigrationInterface {
  name = 'Mandates1795444142362';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "delegate" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "council_id" uuid NOT NULL, "delegation_id" uuid NOT NULL, "display_name" text NOT NULL, "public_alias" text, "user_id" uuid, "accredited_at" TIMESTAMP WITH TIME ZONE, "seated" boolean NOT NULL DEFAULT false, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_810516365b3daa9f6d6d2d4f2b7" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_f504707a25e3af53f743fdbc15" ON "delegate"  ("council_id") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "UQ_delegate_user" ON "delegate"  ("user_id") WHERE "user_id" IS NOT NULL`);
    await queryRunner.query(`CREATE UNIQUE INDEX "UQ_delegate_display_name" ON "delegate"  ("delegation_id", "display_name") `);
    await queryRunner.query(
      `CREATE TABLE "committee_member" ("committee_id" uuid NOT NULL, "delegate_id" uuid NOT NULL, "chair" boolean NOT NULL DEFAULT false, "joined_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_1f9e6146c77bb8ddaa30f3e7335" PRIMARY KEY ("committee_id", "delegate_id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_d333ddd42f018ce2b603b29435" ON "committee_member"  ("delegate_id") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "UQ_committee_member_one_chair" ON "committee_member"  ("committee_id") WHERE "chair"`);
    await queryRunner.query(
      `CREATE TABLE "constituent" ("id" uuid NOT NULL, "delegation_id" uuid NOT NULL, "ref" text NOT NULL, "name_cipher" bytea, "email_cipher" bytea, "phone_cipher" bytea, "city_cipher" bytea, "notes_cipher" bytea, "email_index" bytea, "phone_index" bytea, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "erased_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "UQ_1e81aef2eed0ff9ae37bd43a6e9" UNIQUE ("ref"), CONSTRAINT "CHK_constituent_identity_or_erased" CHECK (("erased_at" IS NULL AND "name_cipher" IS NOT NULL) OR ("erased_at" IS NOT NULL AND "name_cipher" IS NULL AND "email_cipher" IS NULL AND "phone_cipher" IS NULL AND "city_cipher" IS NULL AND "notes_cipher" IS NULL AND "email_index" IS NULL AND "phone_index" IS NULL)), CONSTRAINT "PK_ea99d9cef6fa413424367428edd" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_b431b7588d92375d63a32e56ee" ON "constituent"  ("delegation_id", "created_at") `);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "UQ_constituent_phone_index" ON "constituent"  ("delegation_id", "phone_index") WHERE "phone_index" IS NOT NULL`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "UQ_constituent_email_index" ON "constituent"  ("delegation_id", "email_index") WHERE "email_index" IS NOT NULL`,
    );
    await queryRunner.query(`CREATE TYPE "public"."mandate_status" AS ENUM('ACTIVE', 'REVOKED', 'EXPIRED', 'SUPERSEDED')`);
    await queryRunner.query(
      `CREATE TABLE "mandate" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "delegation_id" uuid NOT NULL, "constituent_id" uuid NOT NULL, "delegate_id" uuid NOT NULL, "status" "public"."mandate_status" NOT NULL, "issued_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "expires_at" TIMESTAMP WITH TIME ZONE, "ended_at" TIMESTAMP WITH TIME ZONE, "superseded_by_id" uuid, CONSTRAINT "CHK_mandate_expiry_after_issue" CHECK ("expires_at" IS NULL OR "expires_at" > "issued_at"), CONSTRAINT "CHK_mandate_ended_iff_not_active" CHECK (("status" = 'ACTIVE') = ("ended_at" IS NULL)), CONSTRAINT "PK_f11237628fce1a841910382b6de" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_4ab5d7dcd3be9ddcab44932ae5" ON "mandate"  ("constituent_id", "issued_at") `);
    await queryRunner.query(
      `CREATE INDEX "IDX_mandate_active_expiry" ON "mandate"  ("expires_at") WHERE "status" = 'ACTIVE' AND "expires_at" IS NOT NULL`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_mandate_active_by_delegate" ON "mandate"  ("delegate_id") WHERE "status" = 'ACTIVE'`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "UQ_mandate_one_active_per_constituent" ON "mandate"  ("constituent_id") WHERE "status" = 'ACTIVE'`,
    );
    await queryRunner.query(
      `CREATE TYPE "public"."seat_change_reason" AS ENUM('ACCREDITED', 'ACCREDITATION_WITHDRAWN', 'MANDATE_ISSUED', 'MANDATE_REVOKED', 'MANDATE_TRANSFERRED', 'MANDATE_EXPIRED', 'MANDATES_IMPORTED', 'CONSTITUENT_ERASED')`,
    );
    await queryRunner.query(
      `CREATE TABLE "seat_history" ("seq" BIGSERIAL NOT NULL, "council_id" uuid NOT NULL, "delegate_id" uuid NOT NULL, "from_seated" boolean NOT NULL, "to_seated" boolean NOT NULL, "reason" "public"."seat_change_reason" NOT NULL, "active_mandates" integer NOT NULL, "at" TIMESTAMP WITH TIME ZONE NOT NULL, "recorded_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_17d852b2563420154fd6c2ae568" PRIMARY KEY ("seq"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_b794119c0b4791d95376f3c038" ON "seat_history"  ("delegate_id", "at") `);
    await queryRunner.query(`CREATE INDEX "IDX_4437a4169fd3b4bbe87eae1505" ON "seat_history"  ("council_id", "at") `);
    await queryRunner.query(
      `ALTER TABLE "delegate" ADD CONSTRAINT "FK_f504707a25e3af53f743fdbc154" FOREIGN KEY ("council_id") REFERENCES "council"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "delegate" ADD CONSTRAINT "FK_1d1410fb2c72bc2c481bd1346fa" FOREIGN KEY ("delegation_id") REFERENCES "delegation"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "delegate" ADD CONSTRAINT "FK_649c44cf65ea5ad1c11861203f2" FOREIGN KEY ("user_id") REFERENCES "user_account"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "committee_member" ADD CONSTRAINT "FK_55284b32094773132273e6656ef" FOREIGN KEY ("committee_id") REFERENCES "committee"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "committee_member" ADD CONSTRAINT "FK_d333ddd42f018ce2b603b29435a" FOREIGN KEY ("delegate_id") REFERENCES "delegate"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "constituent" ADD CONSTRAINT "FK_ac02df8bd5a88f261be029d7348" FOREIGN KEY ("delegation_id") REFERENCES "delegation"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "mandate" ADD CONSTRAINT "FK_fde3f67fab8e2113d50de151fe9" FOREIGN KEY ("delegation_id") REFERENCES "delegation"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "mandate" ADD CONSTRAINT "FK_eaadc9f7f85e90ccbc07ae396aa" FOREIGN KEY ("constituent_id") REFERENCES "constituent"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "mandate" ADD CONSTRAINT "FK_c2a6c7a6fee86d1a0d49d819b54" FOREIGN KEY ("delegate_id") REFERENCES "delegate"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "mandate" ADD CONSTRAINT "FK_f0c8d0e9621a4e769fe0b999b40" FOREIGN KEY ("superseded_by_id") REFERENCES "mandate"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "seat_history" ADD CONSTRAINT "FK_d2e8417735d0200818958151661" FOREIGN KEY ("delegate_id") REFERENCES "delegate"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "seat_history" DROP CONSTRAINT "FK_d2e8417735d0200818958151661"`);
    await queryRunner.query(`ALTER TABLE "mandate" DROP CONSTRAINT "FK_f0c8d0e9621a4e769fe0b999b40"`);
    await queryRunner.query(`ALTER TABLE "mandate" DROP CONSTRAINT "FK_c2a6c7a6fee86d1a0d49d819b54"`);
    await queryRunner.query(`ALTER TABLE "mandate" DROP CONSTRAINT "FK_eaadc9f7f85e90ccbc07ae396aa"`);
    await queryRunner.query(`ALTER TABLE "mandate" DROP CONSTRAINT "FK_fde3f67fab8e2113d50de151fe9"`);
    await queryRunner.query(`ALTER TABLE "constituent" DROP CONSTRAINT "FK_ac02df8bd5a88f261be029d7348"`);
    await queryRunner.query(`ALTER TABLE "committee_member" DROP CONSTRAINT "FK_d333ddd42f018ce2b603b29435a"`);
    await queryRunner.query(`ALTER TABLE "committee_member" DROP CONSTRAINT "FK_55284b32094773132273e6656ef"`);
    await queryRunner.query(`ALTER TABLE "delegate" DROP CONSTRAINT "FK_649c44cf65ea5ad1c11861203f2"`);
    await queryRunner.query(`ALTER TABLE "delegate" DROP CONSTRAINT "FK_1d1410fb2c72bc2c481bd1346fa"`);
    await queryRunner.query(`ALTER TABLE "delegate" DROP CONSTRAINT "FK_f504707a25e3af53f743fdbc154"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_4437a4169fd3b4bbe87eae1505"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_b794119c0b4791d95376f3c038"`);
    await queryRunner.query(`DROP TABLE "seat_history"`);
    await queryRunner.query(`DROP TYPE "public"."seat_change_reason"`);
    await queryRunner.query(`DROP INDEX "public"."UQ_mandate_one_active_per_constituent"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_mandate_active_by_delegate"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_mandate_active_expiry"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_4ab5d7dcd3be9ddcab44932ae5"`);
    await queryRunner.query(`DROP TABLE "mandate"`);
    await queryRunner.query(`DROP TYPE "public"."mandate_status"`);
    await queryRunner.query(`DROP INDEX "public"."UQ_constituent_email_index"`);
    await queryRunner.query(`DROP INDEX "public"."UQ_constituent_phone_index"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_b431b7588d92375d63a32e56ee"`);
    await queryRunner.query(`DROP TABLE "constituent"`);
    await queryRunner.query(`DROP INDEX "public"."UQ_committee_member_one_chair"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_d333ddd42f018ce2b603b29435"`);
    await queryRunner.query(`DROP TABLE "committee_member"`);
    await queryRunner.query(`DROP INDEX "public"."UQ_delegate_display_name"`);
    await queryRunner.query(`DROP INDEX "public"."UQ_delegate_user"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_f504707a25e3af53f743fdbc15"`);
    await queryRunner.query(`DROP TABLE "delegate"`);
  }
}
