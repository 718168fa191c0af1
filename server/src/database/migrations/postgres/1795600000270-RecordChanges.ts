import { MigrationInterface, QueryRunner } from 'typeorm';

/** The tables whose rows the result cache's computations read (reports, alerts, their scope). */
const TABLES = ['territories', 'users', 'pacts', 'milestones'] as const;

/**
 * `record_changes`: one row whose `n` moves by one with each transaction that wrote rows of
 * TABLES. The result cache (common/result-cache.ts) keeps an answer while `n` is unchanged, so
 * that the access log, the audit trail, the mail outbox and the other bookkeeping leave it
 * alone, as do the other databases of the server (the write-ahead log's position, the stamp
 * before, moved with any commit of any of them), while a commit of any instance is seen.
 *
 * The row is updated at the COMMIT (a deferred constraint trigger), once per transaction: its
 * first write of TABLES queues the event (generattivi_record_change_due, evaluated as each row
 * is written, remembers it for the transaction; a savepoint rolled back forgets it, with the
 * event). The row lock is then the last lock a transaction takes, after the audit chain's, and
 * held only for the commit: writers wait for it in that order only, never in a circle.
 * TRUNCATE, which constraint triggers do not see, moves it at once.
 */
export class RecordChanges1795600000270 implements MigrationInterface {
  name = 'RecordChanges1795600000270';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "record_changes" ("id" integer NOT NULL, "n" bigint NOT NULL, CONSTRAINT "PK_record_changes" PRIMARY KEY ("id"), CONSTRAINT "CHK_record_changes_one_row" CHECK ("id" = 1))',
    );
    await queryRunner.query('INSERT INTO "record_changes" ("id", "n") VALUES (1, 0)');
    await queryRunner.query(`CREATE FUNCTION generattivi_record_change_due() RETURNS boolean AS $$
      BEGIN
        IF current_setting('generattivi.record_change_queued', true) = 'on' THEN
          RETURN false;
        END IF;
        PERFORM set_config('generattivi.record_change_queued', 'on', true);
        RETURN true;
      END $$ LANGUAGE plpgsql VOLATILE`);
    await queryRunner.query(`CREATE FUNCTION generattivi_record_changes() RETURNS trigger AS $$
      BEGIN
        UPDATE "record_changes" SET "n" = "n" + 1 WHERE "id" = 1;
        RETURN NULL;
      END $$ LANGUAGE plpgsql`);
    for (const table of TABLES) {
      await queryRunner.query(
        `CREATE CONSTRAINT TRIGGER "${table}_record_changes" AFTER INSERT OR UPDATE OR DELETE ON "${table}"
         DEFERRABLE INITIALLY DEFERRED FOR EACH ROW
         WHEN (generattivi_record_change_due()) EXECUTE FUNCTION generattivi_record_changes()`,
      );
      await queryRunner.query(
        `CREATE TRIGGER "${table}_record_changes_truncate" AFTER TRUNCATE ON "${table}"
         FOR EACH STATEMENT EXECUTE FUNCTION generattivi_record_changes()`,
      );
    }
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of TABLES) {
      await queryRunner.query(`DROP TRIGGER IF EXISTS "${table}_record_changes" ON "${table}"`);
      await queryRunner.query(
        `DROP TRIGGER IF EXISTS "${table}_record_changes_truncate" ON "${table}"`,
      );
    }
    await queryRunner.query('DROP FUNCTION IF EXISTS generattivi_record_changes()');
    await queryRunner.query('DROP FUNCTION IF EXISTS generattivi_record_change_due()');
    await queryRunner.query('DROP TABLE "record_changes"');
  }
}
