import { MigrationInterface, QueryRunner } from 'typeorm';

export class AuditCheckpoints1795600000020 implements MigrationInterface {
  name = 'AuditCheckpoints1795600000020';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "audit_checkpoints" ("id" SERIAL NOT NULL, "event_id" integer NOT NULL, "hash" character varying(64) NOT NULL, "checked" integer NOT NULL, "at" character varying(24) NOT NULL, CONSTRAINT "UQ_0c68739d8d013a4ec23454fe3a2" UNIQUE ("event_id"), CONSTRAINT "PK_ec62ec0b7b181580b1fa64e1167" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE TABLE "audit_verify_jobs" ("id" SERIAL NOT NULL, "status" character varying(12) NOT NULL, "requested_by" integer, "checked" integer NOT NULL DEFAULT \'0\', "total" integer NOT NULL DEFAULT \'0\', "last_id" integer NOT NULL DEFAULT \'0\', "last_hash" character varying(64) NOT NULL, "valid" boolean, "first_invalid_id" integer, "lease_owner" character varying(64), "lease_until" character varying(24), "created_at" character varying(24) NOT NULL, "finished_at" character varying(24), CONSTRAINT "PK_b23679cf38c1cda8601b4732a79" PRIMARY KEY ("id"))',
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE "audit_verify_jobs"');
    await queryRunner.query('DROP TABLE "audit_checkpoints"');
  }
}
