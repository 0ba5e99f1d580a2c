import { MigrationInterface, QueryRunner } from 'typeorm';

export class TwoFactorAndAudit1795446408154 implements MigrationInterface {
  name = 'TwoFactorAndAudit1795446408154';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TYPE "public"."auth_event_kind" AS ENUM('LOGIN_SUCCEEDED', 'LOGIN_FAILED', 'SECOND_FACTOR_SUCCEEDED', 'SECOND_FACTOR_FAILED', 'RECOVERY_CODE_USED', 'SECOND_FACTOR_ENROLLED', 'SECOND_FACTOR_REMOVED', 'SESSION_REVOKED', 'PASSWORD_CHANGED', 'PASSWORD_CONFIRMATION_FAILED', 'LOCKOUT', 'ACCOUNT_ACTIVATED')`,
    );
    await queryRunner.query(
      `CREATE TYPE "public"."auth_event_detail" AS ENUM('PASSWORD_ONLY', 'SECOND_FACTOR_CHALLENGE', 'UNKNOWN_ACCOUNT', 'WRONG_PASSWORD', 'ACCOUNT_NOT_USABLE', 'LOCKED', 'WRONG_CODE', 'REUSED_CODE', 'WRONG_RECOVERY_CODE', 'ACCOUNT', 'ADDRESS', 'SECOND_FACTOR', 'LOGOUT', 'BY_OWNER', 'BY_SECRETARIAT', 'PASSWORD_CHANGED', 'SECOND_FACTOR_ENROLLED', 'SECOND_FACTOR_REMOVED', 'REFRESH_TOKEN_REUSED')`,
    );
    await queryRunner.query(
      `CREATE TABLE "auth_event" ("id" BIGSERIAL NOT NULL, "occurred_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "kind" "public"."auth_event_kind" NOT NULL, "detail" "public"."auth_event_detail", "council_id" uuid, "user_id" uuid, "actor_user_id" uuid, "session_id" uuid, "address_hash" character(64), "account_hash" character(64), CONSTRAINT "PK_20130748591e99a3c2e35d9a074" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_684d3c0aa5940f0e8c277edf1d" ON "auth_event"  ("council_id", "id") `);
    await queryRunner.query(`CREATE INDEX "IDX_dc821c7320d1580be4e1e018eb" ON "auth_event"  ("occurred_at") `);
    await queryRunner.query(
      `CREATE TABLE "second_factor" ("user_id" uuid NOT NULL, "secret_cipher" bytea NOT NULL, "confirmed_at" TIMESTAMP WITH TIME ZONE, "last_used_step" bigint, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_ed3b12c71bfc8b301ef340e1717" PRIMARY KEY ("user_id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "recovery_code" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "user_id" uuid NOT NULL, "code_hash" character(64) NOT NULL, "used_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_b7f1e23329e93a80e25fd281922" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_a0a5d0531fcd8f15f45cf088e8" ON "recovery_code"  ("user_id", "code_hash") `);
    await queryRunner.query(
      `CREATE TABLE "second_factor_challenge" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "user_id" uuid NOT NULL, "token_hash" character(64) NOT NULL, "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, "used_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "UQ_47659237ed854d3a08703bae0fa" UNIQUE ("token_hash"), CONSTRAINT "PK_4f2205ee8c0879895370e0dc512" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_3a0666e5d76e116edb7caecf33" ON "second_factor_challenge"  ("user_id") `);
    await queryRunner.query(`ALTER TABLE "auth_session" ADD "second_factor_at" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(`ALTER TABLE "auth_session" ADD "last_used_at" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(
      `ALTER TABLE "second_factor" ADD CONSTRAINT "FK_ed3b12c71bfc8b301ef340e1717" FOREIGN KEY ("user_id") REFERENCES "user_account"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "recovery_code" ADD CONSTRAINT "FK_f5c95d9ca2047afa670093e2028" FOREIGN KEY ("user_id") REFERENCES "user_account"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "second_factor_challenge" ADD CONSTRAINT "FK_3a0666e5d76e116edb7caecf33d" FOREIGN KEY ("user_id") REFERENCES "user_account"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "second_factor_challenge" DROP CONSTRAINT "FK_3a0666e5d76e116edb7caecf33d"`);
    await queryRunner.query(`ALTER TABLE "recovery_code" DROP CONSTRAINT "FK_f5c95d9ca2047afa670093e2028"`);
    await queryRunner.query(`ALTER TABLE "second_factor" DROP CONSTRAINT "FK_ed3b12c71bfc8b301ef340e1717"`);
    await queryRunner.query(`ALTER TABLE "auth_session" DROP COLUMN "last_used_at"`);
    await queryRunner.query(`ALTER TABLE "auth_session" DROP COLUMN "second_factor_at"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_3a0666e5d76e116edb7caecf33"`);
    await queryRunner.query(`DROP TABLE "second_factor_challenge"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_a0a5d0531fcd8f15f45cf088e8"`);
    await queryRunner.query(`DROP TABLE "recovery_code"`);
    await queryRunner.query(`DROP TABLE "second_factor"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_dc821c7320d1580be4e1e018eb"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_684d3c0aa5940f0e8c277edf1d"`);
    await queryRunner.query(`DROP TABLE "auth_event"`);
    await queryRunner.query(`DROP TYPE "public"."auth_event_detail"`);
    await queryRunner.query(`DROP TYPE "public"."auth_event_kind"`);
  }
}
