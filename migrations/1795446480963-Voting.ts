import { MigrationInterface, QueryRunner } from 'typeorm';

export class Voting1795446480963 implements MigrationInterface {
  name = 'Voting1795446480963';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TYPE "public"."resolution_status" AS ENUM('DRAFT', 'SUBMITTED', 'ON_AGENDA', 'VOTING', 'ADOPTED', 'REJECTED', 'WITHDRAWN')`,
    );
    await queryRunner.query(
      `CREATE TABLE "resolution" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "council_id" uuid NOT NULL, "title" text NOT NULL, "status" "public"."resolution_status" NOT NULL DEFAULT 'DRAFT', "committee_id" uuid, "drafted_by_delegate_id" uuid NOT NULL, "drafted_at" TIMESTAMP WITH TIME ZONE NOT NULL, "submitted_at" TIMESTAMP WITH TIME ZONE, "decided_at" TIMESTAMP WITH TIME ZONE, "number_year" integer, "number_seq" integer, "adopted_version" integer, CONSTRAINT "PK_2a6383d82766ccd2a9e6163306d" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "UQ_resolution_number" ON "resolution"  ("council_id", "number_year", "number_seq") WHERE "number_seq" IS NOT NULL`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_4d863bf8d2b057432ae8e7d2b5" ON "resolution"  ("council_id", "status") `);
    await queryRunner.query(
      `CREATE TABLE "resolution_version" ("resolution_id" uuid NOT NULL, "version" integer NOT NULL, "text" text NOT NULL, "amendment_id" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_af8374cae2c8f38949c4ec62650" PRIMARY KEY ("resolution_id", "version"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "resolution_sponsor" ("resolution_id" uuid NOT NULL, "delegate_id" uuid NOT NULL, "sponsored_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_9794d9fab099766bd985b5d9f8b" PRIMARY KEY ("resolution_id", "delegate_id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_0e883e72b837740dfb199fa234" ON "resolution_sponsor"  ("delegate_id") `);
    await queryRunner.query(
      `CREATE TABLE "resolution_number_counter" ("council_id" uuid NOT NULL, "year" integer NOT NULL, "last_seq" integer NOT NULL, CONSTRAINT "PK_7916e782cadb2e87f3f1f71b4c7" PRIMARY KEY ("council_id", "year"))`,
    );
    await queryRunner.query(
      `CREATE TYPE "public"."amendment_status" AS ENUM('SUBMITTED', 'ON_AGENDA', 'VOTING', 'ADOPTED', 'REJECTED', 'WITHDRAWN', 'LAPSED')`,
    );
    await queryRunner.query(
      `CREATE TABLE "amendment" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "council_id" uuid NOT NULL, "resolution_id" uuid NOT NULL, "proposed_by_delegate_id" uuid NOT NULL, "base_version" integer NOT NULL, "text" text NOT NULL, "rationale" text, "status" "public"."amendment_status" NOT NULL DEFAULT 'SUBMITTED', "proposed_at" TIMESTAMP WITH TIME ZONE NOT NULL, "decided_at" TIMESTAMP WITH TIME ZONE, "produced_version" integer, CONSTRAINT "PK_20ea5f7928736a012e29a76cb02" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_7d763a9584fb4b6f8bc886e8e6" ON "amendment"  ("resolution_id", "status") `);
    await queryRunner.query(`CREATE TYPE "public"."majority_rule" AS ENUM('SIMPLE', 'TWO_THIRDS_CAST', 'TWO_THIRDS_ROLL', 'ABSOLUTE')`);
    await queryRunner.query(`CREATE TYPE "public"."ballot_secrecy" AS ENUM('ROLL_CALL', 'SECRET')`);
    await queryRunner.query(`CREATE TYPE "public"."vote_status" AS ENUM('OPEN', 'CLOSED')`);
    await queryRunner.query(`CREATE TYPE "public"."vote_outcome" AS ENUM('ADOPTED', 'REJECTED')`);
    await queryRunner.query(
      `CREATE TABLE "vote" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "council_id" uuid NOT NULL, "session_id" uuid NOT NULL, "agenda_item_id" uuid NOT NULL, "resolution_id" uuid NOT NULL, "amendment_id" uuid, "text_version" integer NOT NULL, "rule" "public"."majority_rule" NOT NULL, "secrecy" "public"."ballot_secrecy" NOT NULL, "status" "public"."vote_status" NOT NULL DEFAULT 'OPEN', "opened_at" TIMESTAMP WITH TIME ZONE NOT NULL, "deadline" TIMESTAMP WITH TIME ZONE, "roll_size" integer NOT NULL, "roll_weight" integer NOT NULL, "roll_hash" character(64) NOT NULL, "quorum_present" integer NOT NULL, "quorum_seated" integer NOT NULL, "quorum_numerator" integer NOT NULL, "quorum_denominator" integer NOT NULL, "closed_at" TIMESTAMP WITH TIME ZONE, "closed_at_deadline" boolean, "yes_count" integer, "no_count" integer, "abstain_count" integer, "yes_weight" integer, "no_weight" integer, "abstain_weight" integer, "outcome" "public"."vote_outcome", "receipt_root" character(64), CONSTRAINT "CHK_vote_closed_has_result" CHECK ("status" = 'OPEN' OR ("outcome" IS NOT NULL AND "closed_at" IS NOT NULL AND "receipt_root" IS NOT NULL)), CONSTRAINT "PK_2d5932d46afe39c8176f9d4be72" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_a46958fa2309ba981f0d5039be" ON "vote"  ("agenda_item_id") `);
    await queryRunner.query(`CREATE INDEX "IDX_dd56a97116d121fa9776d6e21a" ON "vote"  ("session_id") `);
    await queryRunner.query(
      `CREATE INDEX "IDX_vote_open_deadline" ON "vote"  ("deadline") WHERE "status" = 'OPEN' AND "deadline" IS NOT NULL`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "UQ_vote_open_per_resolution" ON "vote"  ("resolution_id") WHERE "status" = 'OPEN'`);
    await queryRunner.query(
      `CREATE TABLE "vote_roll" ("vote_id" uuid NOT NULL, "delegate_id" uuid NOT NULL, "weight" integer NOT NULL, CONSTRAINT "CHK_vote_roll_weight_positive" CHECK ("weight" > 0), CONSTRAINT "PK_86af338f236ff2c2ee6cc888d57" PRIMARY KEY ("vote_id", "delegate_id"))`,
    );
    await queryRunner.query(`CREATE TYPE "public"."ballot_choice" AS ENUM('YES', 'NO', 'ABSTAIN')`);
    await queryRunner.query(
      `CREATE TABLE "roll_call_ballot" ("vote_id" uuid NOT NULL, "delegate_id" uuid NOT NULL, "choice" "public"."ballot_choice" NOT NULL, "weight" integer NOT NULL, "receipt_hash" bytea NOT NULL, CONSTRAINT "PK_5c89c28874190701bfa5a6099aa" PRIMARY KEY ("vote_id", "delegate_id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "UQ_roll_call_ballot_receipt" ON "roll_call_ballot"  ("vote_id", "receipt_hash") `);
    await queryRunner.query(
      `CREATE TABLE "vote_participation" ("vote_id" uuid NOT NULL, "delegate_id" uuid NOT NULL, CONSTRAINT "PK_be626f8f97f3b7b3f84e9e3dfb0" PRIMARY KEY ("vote_id", "delegate_id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "ballot_box" ("vote_id" uuid NOT NULL, "receipt_hash" bytea NOT NULL, "choice" "public"."ballot_choice" NOT NULL, "weight" integer NOT NULL, CONSTRAINT "PK_2ada08da1f3751159f9c0a82b10" PRIMARY KEY ("vote_id", "receipt_hash"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "agenda_motion" ("agenda_item_id" uuid NOT NULL, "session_id" uuid NOT NULL, "resolution_id" uuid NOT NULL, "amendment_id" uuid, CONSTRAINT "PK_45c0fdbf5fb39d484a915215086" PRIMARY KEY ("agenda_item_id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_4d35751e684d0fa972757b5778" ON "agenda_motion"  ("resolution_id") `);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "UQ_agenda_motion_amendment" ON "agenda_motion"  ("session_id", "amendment_id") WHERE "amendment_id" IS NOT NULL`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "UQ_agenda_motion_resolution" ON "agenda_motion"  ("session_id", "resolution_id") WHERE "amendment_id" IS NULL`,
    );
    await queryRunner.query(
      `ALTER TABLE "resolution" ADD CONSTRAINT "FK_af78c55b78dc5205436d721b9a6" FOREIGN KEY ("council_id") REFERENCES "council"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "resolution" ADD CONSTRAINT "FK_4a0b50a8c3cbd735e69c255f17b" FOREIGN KEY ("committee_id") REFERENCES "committee"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "resolution" ADD CONSTRAINT "FK_3b530e41d589d742e320f8b678f" FOREIGN KEY ("drafted_by_delegate_id") REFERENCES "delegate"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "resolution_version" ADD CONSTRAINT "FK_01c07e67516a0b9cd11f962b338" FOREIGN KEY ("resolution_id") REFERENCES "resolution"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "resolution_sponsor" ADD CONSTRAINT "FK_45f68205ae9afaea58f0bb22765" FOREIGN KEY ("resolution_id") REFERENCES "resolution"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "resolution_sponsor" ADD CONSTRAINT "FK_0e883e72b837740dfb199fa2348" FOREIGN KEY ("delegate_id") REFERENCES "delegate"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "resolution_number_counter" ADD CONSTRAINT "FK_88f5a29f7d75a2eb764f3b83574" FOREIGN KEY ("council_id") REFERENCES "council"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "amendment" ADD CONSTRAINT "FK_e0910ea2243c4ca83dd022f5035" FOREIGN KEY ("resolution_id") REFERENCES "resolution"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "amendment" ADD CONSTRAINT "FK_bd9e29be6e03a617f18c65399eb" FOREIGN KEY ("proposed_by_delegate_id") REFERENCES "delegate"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "vote" ADD CONSTRAINT "FK_3033ab5b8265542b0e4548d2a5e" FOREIGN KEY ("council_id") REFERENCES "council"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "vote" ADD CONSTRAINT "FK_dd56a97116d121fa9776d6e21a6" FOREIGN KEY ("session_id") REFERENCES "council_session"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "vote" ADD CONSTRAINT "FK_a46958fa2309ba981f0d5039bed" FOREIGN KEY ("agenda_item_id") REFERENCES "session_agenda_item"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "vote" ADD CONSTRAINT "FK_0cbea3a2ca9bb07f80854bcdff0" FOREIGN KEY ("resolution_id") REFERENCES "resolution"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "vote" ADD CONSTRAINT "FK_02f7eeb14e3943a0668661f808a" FOREIGN KEY ("amendment_id") REFERENCES "amendment"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "vote_roll" ADD CONSTRAINT "FK_71c5ad089cce145979ebba4b8f3" FOREIGN KEY ("vote_id") REFERENCES "vote"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "vote_roll" ADD CONSTRAINT "FK_df9be5b931c7fb7dbf838ec97f0" FOREIGN KEY ("delegate_id") REFERENCES "delegate"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "roll_call_ballot" ADD CONSTRAINT "FK_5c89c28874190701bfa5a6099aa" FOREIGN KEY ("vote_id", "delegate_id") REFERENCES "vote_roll"("vote_id","delegate_id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "vote_participation" ADD CONSTRAINT "FK_be626f8f97f3b7b3f84e9e3dfb0" FOREIGN KEY ("vote_id", "delegate_id") REFERENCES "vote_roll"("vote_id","delegate_id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "agenda_motion" ADD CONSTRAINT "FK_45c0fdbf5fb39d484a915215086" FOREIGN KEY ("agenda_item_id") REFERENCES "session_agenda_item"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "agenda_motion" ADD CONSTRAINT "FK_886a95490602a825f83b487cf28" FOREIGN KEY ("session_id") REFERENCES "council_session"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "agenda_motion" ADD CONSTRAINT "FK_4d35751e684d0fa972757b5778d" FOREIGN KEY ("resolution_id") REFERENCES "resolution"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "agenda_motion" ADD CONSTRAINT "FK_91ee06ce1505356369a2dcef201" FOREIGN KEY ("amendment_id") REFERENCES "amendment"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    // Written by hand (TypeORM does not model triggers). The database itself keeps the voting record honest:
    await queryRunner.query(`CREATE FUNCTION voting_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION '% rows never change once written', TG_TABLE_NAME USING ERRCODE = 'restrict_violation';
      END $$`);
    // Text versions and a vote's frozen roll are immutable; secret ballots (both halves) are final.
    for (const table of ['resolution_version', 'vote_roll', 'vote_participation', 'ballot_box']) {
      await queryRunner.query(
        `CREATE TRIGGER ${table}_immutable BEFORE UPDATE OR DELETE ON "${table}" FOR EACH ROW EXECUTE FUNCTION voting_refuse_change()`,
      );
    }
    await queryRunner.query(
      `CREATE TRIGGER roll_call_ballot_no_delete BEFORE DELETE ON "roll_call_ballot" FOR EACH ROW EXECUTE FUNCTION voting_refuse_change()`,
    );
    // A ballot is written only while its vote exists, is OPEN and before its deadline, whoever writes it. The
    // shared advisory lock on the vote (held to commit) makes a closing transaction, which takes it exclusively,
    // wait for this ballot and count it; the status is read after the lock, so a ballot that waited for a close
    // sees CLOSED. No row lock on the vote: thousands of casts a second would queue on that one row.
    await queryRunner.query(`CREATE FUNCTION voting_ballot_vote_open() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        target record;
      BEGIN
        PERFORM pg_advisory_xact_lock_shared(7412023, hashtext(NEW.vote_id::text));
        SELECT status, deadline INTO target FROM vote WHERE id = NEW.vote_id;
        IF NOT FOUND OR target.status <> 'OPEN' OR (target.deadline IS NOT NULL AND target.deadline <= statement_timestamp()) THEN
          RAISE EXCEPTION 'vote % is not open: ballot refused', NEW.vote_id USING ERRCODE = 'GV001';
        END IF;
        RETURN NEW;
      END $$`);
    await queryRunner.query(
      `CREATE TRIGGER roll_call_ballot_vote_open BEFORE INSERT OR UPDATE ON "roll_call_ballot" FOR EACH ROW EXECUTE FUNCTION voting_ballot_vote_open()`,
    );
    await queryRunner.query(
      `CREATE TRIGGER vote_participation_vote_open BEFORE INSERT ON "vote_participation" FOR EACH ROW EXECUTE FUNCTION voting_ballot_vote_open()`,
    );
    await queryRunner.query(
      `CREATE TRIGGER ballot_box_vote_open BEFORE INSERT ON "ballot_box" FOR EACH ROW EXECUTE FUNCTION voting_ballot_vote_open()`,
    );
    // A closed vote's result is written once and never changes; votes are never deleted.
    await queryRunner.query(`CREATE FUNCTION voting_vote_result_final() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'DELETE' OR OLD.status = 'CLOSED' THEN
          RAISE EXCEPTION 'a closed vote and its result never change' USING ERRCODE = 'restrict_violation';
        END IF;
        RETURN NEW;
      END $$`);
    await queryRunner.query(
      `CREATE TRIGGER vote_result_final BEFORE UPDATE OR DELETE ON "vote" FOR EACH ROW EXECUTE FUNCTION voting_vote_result_final()`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER vote_result_final ON "vote"`);
    await queryRunner.query(`DROP FUNCTION voting_vote_result_final()`);
    await queryRunner.query(`DROP TRIGGER ballot_box_vote_open ON "ballot_box"`);
    await queryRunner.query(`DROP TRIGGER vote_participation_vote_open ON "vote_participation"`);
    await queryRunner.query(`DROP TRIGGER roll_call_ballot_vote_open ON "roll_call_ballot"`);
    await queryRunner.query(`DROP FUNCTION voting_ballot_vote_open()`);
    await queryRunner.query(`DROP TRIGGER roll_call_ballot_no_delete ON "roll_call_ballot"`);
    for (const table of ['resolution_version', 'vote_roll', 'vote_participation', 'ballot_box']) {
      await queryRunner.query(`DROP TRIGGER ${table}_immutable ON "${table}"`);
    }
    await queryRunner.query(`DROP FUNCTION voting_refuse_change()`);
    await queryRunner.query(`ALTER TABLE "agenda_motion" DROP CONSTRAINT "FK_91ee06ce1505356369a2dcef201"`);
    await queryRunner.query(`ALTER TABLE "agenda_motion" DROP CONSTRAINT "FK_4d35751e684d0fa972757b5778d"`);
    await queryRunner.query(`ALTER TABLE "agenda_motion" DROP CONSTRAINT "FK_886a95490602a825f83b487cf28"`);
    await queryRunner.query(`ALTER TABLE "agenda_motion" DROP CONSTRAINT "FK_45c0fdbf5fb39d484a915215086"`);
    await queryRunner.query(`ALTER TABLE "vote_participation" DROP CONSTRAINT "FK_be626f8f97f3b7b3f84e9e3dfb0"`);
    await queryRunner.query(`ALTER TABLE "roll_call_ballot" DROP CONSTRAINT "FK_5c89c28874190701bfa5a6099aa"`);
    await queryRunner.query(`ALTER TABLE "vote_roll" DROP CONSTRAINT "FK_df9be5b931c7fb7dbf838ec97f0"`);
    await queryRunner.query(`ALTER TABLE "vote_roll" DROP CONSTRAINT "FK_71c5ad089cce145979ebba4b8f3"`);
    await queryRunner.query(`ALTER TABLE "vote" DROP CONSTRAINT "FK_02f7eeb14e3943a0668661f808a"`);
    await queryRunner.query(`ALTER TABLE "vote" DROP CONSTRAINT "FK_0cbea3a2ca9bb07f80854bcdff0"`);
    await queryRunner.query(`ALTER TABLE "vote" DROP CONSTRAINT "FK_a46958fa2309ba981f0d5039bed"`);
    await queryRunner.query(`ALTER TABLE "vote" DROP CONSTRAINT "FK_dd56a97116d121fa9776d6e21a6"`);
    await queryRunner.query(`ALTER TABLE "vote" DROP CONSTRAINT "FK_3033ab5b8265542b0e4548d2a5e"`);
    await queryRunner.query(`ALTER TABLE "amendment" DROP CONSTRAINT "FK_bd9e29be6e03a617f18c65399eb"`);
    await queryRunner.query(`ALTER TABLE "amendment" DROP CONSTRAINT "FK_e0910ea2243c4ca83dd022f5035"`);
    await queryRunner.query(`ALTER TABLE "resolution_number_counter" DROP CONSTRAINT "FK_88f5a29f7d75a2eb764f3b83574"`);
    await queryRunner.query(`ALTER TABLE "resolution_sponsor" DROP CONSTRAINT "FK_0e883e72b837740dfb199fa2348"`);
    await queryRunner.query(`ALTER TABLE "resolution_sponsor" DROP CONSTRAINT "FK_45f68205ae9afaea58f0bb22765"`);
    await queryRunner.query(`ALTER TABLE "resolution_version" DROP CONSTRAINT "FK_01c07e67516a0b9cd11f962b338"`);
    await queryRunner.query(`ALTER TABLE "resolution" DROP CONSTRAINT "FK_3b530e41d589d742e320f8b678f"`);
    await queryRunner.query(`ALTER TABLE "resolution" DROP CONSTRAINT "FK_4a0b50a8c3cbd735e69c255f17b"`);
    await queryRunner.query(`ALTER TABLE "resolution" DROP CONSTRAINT "FK_af78c55b78dc5205436d721b9a6"`);
    await queryRunner.query(`DROP INDEX "public"."UQ_agenda_motion_resolution"`);
    await queryRunner.query(`DROP INDEX "public"."UQ_agenda_motion_amendment"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_4d35751e684d0fa972757b5778"`);
    await queryRunner.query(`DROP TABLE "agenda_motion"`);
    await queryRunner.query(`DROP TABLE "ballot_box"`);
    await queryRunner.query(`DROP TABLE "vote_participation"`);
    await queryRunner.query(`DROP INDEX "public"."UQ_roll_call_ballot_receipt"`);
    await queryRunner.query(`DROP TABLE "roll_call_ballot"`);
    await queryRunner.query(`DROP TYPE "public"."ballot_choice"`);
    await queryRunner.query(`DROP TABLE "vote_roll"`);
    await queryRunner.query(`DROP INDEX "public"."UQ_vote_open_per_resolution"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_vote_open_deadline"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_dd56a97116d121fa9776d6e21a"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_a46958fa2309ba981f0d5039be"`);
    await queryRunner.query(`DROP TABLE "vote"`);
    await queryRunner.query(`DROP TYPE "public"."vote_outcome"`);
    await queryRunner.query(`DROP TYPE "public"."vote_status"`);
    await queryRunner.query(`DROP TYPE "public"."ballot_secrecy"`);
    await queryRunner.query(`DROP TYPE "public"."majority_rule"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_7d763a9584fb4b6f8bc886e8e6"`);
    await queryRunner.query(`DROP TABLE "amendment"`);
    await queryRunner.query(`DROP TYPE "public"."amendment_status"`);
    await queryRunner.query(`DROP TABLE "resolution_number_counter"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_0e883e72b837740dfb199fa234"`);
    await queryRunner.query(`DROP TABLE "resolution_sponsor"`);
    await queryRunner.query(`DROP TABLE "resolution_version"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_4d863bf8d2b057432ae8e7d2b5"`);
    await queryRunner.query(`DROP INDEX "public"."UQ_resolution_number"`);
    await queryRunner.query(`DROP TABLE "resolution"`);
    await queryRunner.query(`DROP TYPE "public"."resolution_status"`);
  }
}
