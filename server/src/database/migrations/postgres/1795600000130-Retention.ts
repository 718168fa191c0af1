import { MigrationInterface, QueryRunner } from 'typeorm';
import {
  ANONYMISED_REFUSAL,
  CONCERNED,
  NOTE_ERASURE,
  opensPactOfAnonymised,
  refreshRetention,
} from '../retention-sql';

/**
 * Generated for the columns and the lease table; the trigger functions and the backfill
 * written by hand. The pacts' triggers keep each person's retention dates in the writer's
 * transaction and refuse an open pact for an anonymised person (the person's row is read FOR
 * SHARE, so an anonymisation in flight is waited for and then seen); a diary note stays
 * append-only except for its erasure (retention-sql.ts).
 */
export class Retention1795600000130 implements MigrationInterface {
  name = 'Retention1795600000130';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`INSERT INTO "job_leases" ("name") VALUES ('retention')`);
    await queryRunner.query(
      'ALTER TABLE "beneficiaries" ADD "anonymised_at" character varying(24)',
    );
    await queryRunner.query(
      'ALTER TABLE "beneficiaries" ADD "last_pact_closed_on" character varying(10)',
    );
    await queryRunner.query(
      'ALTER TABLE "beneficiaries" ADD "retention_from" character varying(10)',
    );
    await queryRunner.query('ALTER TABLE "documents" ADD "erased_at" character varying(24)');
    await queryRunner.query(
      'CREATE INDEX "IDX_beneficiaries_retention" ON "beneficiaries" ("retention_from", "id") ',
    );
    await queryRunner.query(`CREATE FUNCTION generattivi_pact_not_anonymised() RETURNS trigger AS $$
      BEGIN
        IF ${opensPactOfAnonymised('NEW', 'FOR SHARE')} THEN
          RAISE EXCEPTION USING ERRCODE = 'check_violation', CONSTRAINT = 'beneficiary_anonymised',
            MESSAGE = '${ANONYMISED_REFUSAL}';
        END IF;
        RETURN NEW;
      END $$ LANGUAGE plpgsql`);
    await queryRunner.query(
      `CREATE TRIGGER "pacts_not_anonymised" BEFORE INSERT OR UPDATE OF "status", "beneficiary_id" ON "pacts" FOR EACH ROW EXECUTE FUNCTION generattivi_pact_not_anonymised()`,
    );
    // OLD is null on INSERT and NEW on DELETE: a null id or household matches nobody.
    await queryRunner.query(`CREATE FUNCTION generattivi_pact_retention() RETURNS trigger AS $$
      BEGIN
        IF TG_OP = 'INSERT' THEN
          ${refreshRetention(CONCERNED('NEW'))};
        ELSIF TG_OP = 'DELETE' THEN
          ${refreshRetention(CONCERNED('OLD'))};
        ELSE
          ${refreshRetention(`${CONCERNED('OLD')} OR ${CONCERNED('NEW')}`)};
        END IF;
        RETURN NULL;
      END $$ LANGUAGE plpgsql`);
    await queryRunner.query(
      `CREATE TRIGGER "pacts_retention" AFTER INSERT OR DELETE OR UPDATE OF "status", "closed_at", "beneficiary_id", "household_id" ON "pacts" FOR EACH ROW EXECUTE FUNCTION generattivi_pact_retention()`,
    );
    await queryRunner.query(`CREATE FUNCTION generattivi_beneficiary_retention() RETURNS trigger AS $$
      BEGIN
        ${refreshRetention('"id" = NEW."id"')};
        RETURN NULL;
      END $$ LANGUAGE plpgsql`);
    await queryRunner.query(
      `CREATE TRIGGER "beneficiaries_retention_insert" AFTER INSERT ON "beneficiaries" FOR EACH ROW EXECUTE FUNCTION generattivi_beneficiary_retention()`,
    );
    await queryRunner.query(
      `CREATE TRIGGER "beneficiaries_retention_household" AFTER UPDATE OF "household_id" ON "beneficiaries" FOR EACH ROW
       WHEN (OLD."household_id" IS DISTINCT FROM NEW."household_id") EXECUTE FUNCTION generattivi_beneficiary_retention()`,
    );
    await queryRunner.query(`CREATE FUNCTION generattivi_note_erasure() RETURNS trigger AS $$
      BEGIN
        IF NOT (${NOTE_ERASURE}) THEN RAISE EXCEPTION 'notes is append-only'; END IF;
        RETURN NEW;
      END $$ LANGUAGE plpgsql`);
    await queryRunner.query('DROP TRIGGER "notes_append_only" ON "notes"');
    await queryRunner.query(
      'CREATE TRIGGER "notes_append_only" BEFORE DELETE ON "notes" FOR EACH ROW EXECUTE FUNCTION generattivi_append_only()',
    );
    await queryRunner.query(
      'CREATE TRIGGER "notes_erasure_only" BEFORE UPDATE ON "notes" FOR EACH ROW EXECUTE FUNCTION generattivi_note_erasure()',
    );
    await queryRunner.query(refreshRetention('TRUE'));
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TRIGGER "notes_erasure_only" ON "notes"');
    await queryRunner.query('DROP TRIGGER "notes_append_only" ON "notes"');
    await queryRunner.query(
      'CREATE TRIGGER "notes_append_only" BEFORE UPDATE OR DELETE ON "notes" FOR EACH ROW EXECUTE FUNCTION generattivi_append_only()',
    );
    await queryRunner.query('DROP FUNCTION generattivi_note_erasure()');
    await queryRunner.query('DROP TRIGGER "beneficiaries_retention_household" ON "beneficiaries"');
    await queryRunner.query('DROP TRIGGER "beneficiaries_retention_insert" ON "beneficiaries"');
    await queryRunner.query('DROP FUNCTION generattivi_beneficiary_retention()');
    await queryRunner.query('DROP TRIGGER "pacts_retention" ON "pacts"');
    await queryRunner.query('DROP FUNCTION generattivi_pact_retention()');
    await queryRunner.query('DROP TRIGGER "pacts_not_anonymised" ON "pacts"');
    await queryRunner.query('DROP FUNCTION generattivi_pact_not_anonymised()');
    await queryRunner.query('DROP INDEX "public"."IDX_beneficiaries_retention"');
    await queryRunner.query('ALTER TABLE "documents" DROP COLUMN "erased_at"');
    await queryRunner.query('ALTER TABLE "beneficiaries" DROP COLUMN "retention_from"');
    await queryRunner.query('ALTER TABLE "beneficiaries" DROP COLUMN "last_pact_closed_on"');
    await queryRunner.query('ALTER TABLE "beneficiaries" DROP COLUMN "anonymised_at"');
  }
}
