import { MigrationInterface, QueryRunner } from 'typeorm';

export class LedgerCheckpoints1795444567816 implements MigrationInterface {
  name = 'LedgerCheckpoints1795444567816';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "ledger_checkpoint" ("council_id" uuid NOT NULL, "tree_size" bigint NOT NULL, "root_hash" character(64) NOT NULL, "note" text NOT NULL, "signature" text NOT NULL, "key_id" character(64) NOT NULL, "reason" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "CHK_88f57e91a896c42a002f28bec8" CHECK ("tree_size" > 0), CONSTRAINT "PK_d9bdee0805efcd0edd6a873cc03" PRIMARY KEY ("council_id", "tree_size"))`,
    );
    // Checkpoints are append-only like the entries they sign: the database refuses to change or remove one.
    await queryRunner.query(`CREATE FUNCTION ledger_checkpoint_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'ledger checkpoints are append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
      END $$`);
    await queryRunner.query(
      `CREATE TRIGGER ledger_checkpoint_no_update_delete BEFORE UPDATE OR DELETE ON "ledger_checkpoint" FOR EACH ROW EXECUTE FUNCTION ledger_checkpoint_refuse_change()`,
    );
    await queryRunner.query(
      `CREATE TRIGGER ledger_checkpoint_no_truncate BEFORE TRUNCATE ON "ledger_checkpoint" FOR EACH STATEMENT EXECUTE FUNCTION ledger_checkpoint_refuse_change()`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER ledger_checkpoint_no_truncate ON "ledger_checkpoint"`);
    await queryRunner.query(`DROP TRIGGER ledger_checkpoint_no_update_delete ON "ledger_checkpoint"`);
    await queryRunner.query(`DROP FUNCTION ledger_checkpoint_refuse_change()`);
    await queryRunner.query(`DROP TABLE "ledger_checkpoint"`);
  }
}
