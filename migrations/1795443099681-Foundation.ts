import { MigrationInterface, QueryRunner } from 'typeorm';

export class Foundation1795443099681 implements MigrationInterface {
  name = 'Foundation1795443099681';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "ledger_entry" ("council_id" uuid NOT NULL, "seq" bigint NOT NULL, "recorded_at" TIMESTAMP WITH TIME ZONE NOT NULL, "actor" text NOT NULL, "kind" text NOT NULL, "canonical" text NOT NULL, "prev_hash" character(64) NOT NULL, "hash" character(64) NOT NULL, CONSTRAINT "UQ_a8e61988cec2fc994469f1f604a" UNIQUE ("hash"), CONSTRAINT "PK_fb9c467f9e0c6b6892e704b2261" PRIMARY KEY ("council_id", "seq"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_be253e8063393080a39caa10a7" ON "ledger_entry"  ("council_id", "kind") `);
    await queryRunner.query(`CREATE TYPE "public"."vote_weighting" AS ENUM('ONE_PER_DELEGATE', 'BY_MANDATES')`);
    await queryRunner.query(
      `CREATE TABLE "council" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "slug" text NOT NULL, "name" text NOT NULL, "founded_on" date NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "regular_interval_months" integer NOT NULL DEFAULT '24', "min_mandates_to_seat" integer NOT NULL DEFAULT '1', "quorum_numerator" integer NOT NULL DEFAULT '1', "quorum_denominator" integer NOT NULL DEFAULT '2', "regular_notice_days" integer NOT NULL DEFAULT '14', "special_notice_days" integer NOT NULL DEFAULT '7', "petition_expiry_days" integer NOT NULL DEFAULT '90', "petition_max_expiry_days" integer NOT NULL DEFAULT '180', "special_session_convene_days" integer NOT NULL DEFAULT '30', "vote_weighting" "public"."vote_weighting" NOT NULL DEFAULT 'ONE_PER_DELEGATE', "min_sponsors" integer NOT NULL DEFAULT '3', CONSTRAINT "UQ_13a79cfc360d24e733eda967403" UNIQUE ("slug"), CONSTRAINT "PK_1749decabf3d8cf2edc4385c557" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "committee" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "council_id" uuid NOT NULL, "slug" text NOT NULL, "name" text NOT NULL, "mandate" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_29569bbabae77e56711f2310563" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_a939bc0d4f318d3bf45ec68821" ON "committee"  ("council_id", "name") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_08a6998afac7ac5918ad379950" ON "committee"  ("council_id", "slug") `);
    await queryRunner.query(
      `CREATE TABLE "delegation" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "council_id" uuid NOT NULL, "country_code" character(2) NOT NULL, "name" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_a2cb6c9b942d68b109131beab44" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_7ad9ead3b8ab32ce3bc0d6ad70" ON "delegation"  ("council_id", "country_code") `);
    await queryRunner.query(`CREATE TYPE "public"."user_role" AS ENUM('SECRETARIAT', 'COORDINATOR', 'DELEGATE')`);
    await queryRunner.query(
      `CREATE TABLE "user_account" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "council_id" uuid NOT NULL, "email" text NOT NULL, "display_name" text NOT NULL, "role" "public"."user_role" NOT NULL, "delegation_id" uuid, "password_hash" text, "actor_ref" uuid NOT NULL, "activation_token_hash" character(64), "activation_expires_at" TIMESTAMP WITH TIME ZONE, "activated_at" TIMESTAMP WITH TIME ZONE, "disabled_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "UQ_56a0e4bcec2b5411beafa47ffa5" UNIQUE ("email"), CONSTRAINT "UQ_bc7fcfcc8df0b2caefae2a35401" UNIQUE ("actor_ref"), CONSTRAINT "UQ_66470cdc44e522f438fd50ff39b" UNIQUE ("activation_token_hash"), CONSTRAINT "PK_6acfec7285fdf9f463462de3e9f" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_557fcd0fb12957a4295b1ec6d5" ON "user_account"  ("delegation_id") `);
    await queryRunner.query(
      `CREATE TABLE "auth_session" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "user_id" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "revoked_at" TIMESTAMP WITH TIME ZONE, "revoked_reason" text, CONSTRAINT "PK_19354ed146424a728c1112a8cbf" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_b8783d517fab10672700a39cb4" ON "auth_session"  ("user_id") `);
    await queryRunner.query(
      `CREATE TABLE "refresh_token" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "session_id" uuid NOT NULL, "token_hash" character(64) NOT NULL, "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, "used_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "UQ_f0812282fad2e352cdaf83ef0a9" UNIQUE ("token_hash"), CONSTRAINT "PK_b575dd3c21fb0831013c909e7fe" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_7643a722ca45fb721be1c63dc0" ON "refresh_token"  ("session_id") `);
    await queryRunner.query(
      `CREATE TABLE "login_throttle" ("key_hash" character(64) NOT NULL, "failures" integer NOT NULL, "window_started_at" TIMESTAMP WITH TIME ZONE NOT NULL, "locked_until" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_58297e0a1c374c7c17bd4b74521" PRIMARY KEY ("key_hash"))`,
    );
    await queryRunner.query(
      `ALTER TABLE "committee" ADD CONSTRAINT "FK_7e2c42c27ed2e3adf719f0f2163" FOREIGN KEY ("council_id") REFERENCES "council"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "delegation" ADD CONSTRAINT "FK_dac4987b0a3993c0c8e8df8cf7a" FOREIGN KEY ("council_id") REFERENCES "council"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "user_account" ADD CONSTRAINT "FK_f27e39a1bcfa9b158c355c54153" FOREIGN KEY ("council_id") REFERENCES "council"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "user_account" ADD CONSTRAINT "FK_557fcd0fb12957a4295b1ec6d55" FOREIGN KEY ("delegation_id") REFERENCES "delegation"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "auth_session" ADD CONSTRAINT "FK_b8783d517fab10672700a39cb49" FOREIGN KEY ("user_id") REFERENCES "user_account"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "refresh_token" ADD CONSTRAINT "FK_7643a722ca45fb721be1c63dc0c" FOREIGN KEY ("session_id") REFERENCES "auth_session"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    // The ledger is append-only: the database itself refuses to change or remove an entry.
    await queryRunner.query(`CREATE FUNCTION ledger_entry_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'ledger entries are append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
      END $$`);
    await queryRunner.query(
      `CREATE TRIGGER ledger_entry_no_update_delete BEFORE UPDATE OR DELETE ON "ledger_entry" FOR EACH ROW EXECUTE FUNCTION ledger_entry_refuse_change()`,
    );
    await queryRunner.query(
      `CREATE TRIGGER ledger_entry_no_truncate BEFORE TRUNCATE ON "ledger_entry" FOR EACH STATEMENT EXECUTE FUNCTION ledger_entry_refuse_change()`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER ledger_entry_no_truncate ON "ledger_entry"`);
    await queryRunner.query(`DROP TRIGGER ledger_entry_no_update_delete ON "ledger_entry"`);
    await queryRunner.query(`DROP FUNCTION ledger_entry_refuse_change()`);
    await queryRunner.query(`ALTER TABLE "refresh_token" DROP CONSTRAINT "FK_7643a722ca45fb721be1c63dc0c"`);
    await queryRunner.query(`ALTER TABLE "auth_session" DROP CONSTRAINT "FK_b8783d517fab10672700a39cb49"`);
    await queryRunner.query(`ALTER TABLE "user_account" DROP CONSTRAINT "FK_557fcd0fb12957a4295b1ec6d55"`);
    await queryRunner.query(`ALTER TABLE "user_account" DROP CONSTRAINT "FK_f27e39a1bcfa9b158c355c54153"`);
    await queryRunner.query(`ALTER TABLE "delegation" DROP CONSTRAINT "FK_dac4987b0a3993c0c8e8df8cf7a"`);
    await queryRunner.query(`ALTER TABLE "committee" DROP CONSTRAINT "FK_7e2c42c27ed2e3adf719f0f2163"`);
    await queryRunner.query(`DROP TABLE "login_throttle"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_7643a722ca45fb721be1c63dc0"`);
    await queryRunner.query(`DROP TABLE "refresh_token"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_b8783d517fab10672700a39cb4"`);
    await queryRunner.query(`DROP TABLE "auth_session"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_557fcd0fb12957a4295b1ec6d5"`);
    await queryRunner.query(`DROP TABLE "user_account"`);
    await queryRunner.query(`DROP TYPE "public"."user_role"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_7ad9ead3b8ab32ce3bc0d6ad70"`);
    await queryRunner.query(`DROP TABLE "delegation"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_08a6998afac7ac5918ad379950"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_a939bc0d4f318d3bf45ec68821"`);
    await queryRunner.query(`DROP TABLE "committee"`);
    await queryRunner.query(`DROP TABLE "council"`);
    await queryRunner.query(`DROP TYPE "public"."vote_weighting"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_be253e8063393080a39caa10a7"`);
    await queryRunner.query(`DROP TABLE "ledger_entry"`);
  }
}
