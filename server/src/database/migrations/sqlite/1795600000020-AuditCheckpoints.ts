import { MigrationInterface, QueryRunner } from 'typeorm';

export class AuditCheckpoints1795600000020 implements MigrationInterface {
  name = 'AuditCheckpoints1795600000020';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "audit_checkpoints" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "event_id" integer NOT NULL, "hash" varchar(64) NOT NULL, "checked" integer NOT NULL, "at" varchar(24) NOT NULL, CONSTRAINT "UQ_0c68739d8d013a4ec23454fe3a2" UNIQUE ("event_id"))',
    );
    await queryRunner.query(
      'CREATE TABLE "audit_verify_jobs" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "status" varchar(12) NOT NULL, "requested_by" integer, "checked" integer NOT NULL DEFAULT (0), "total" integer NOT NULL DEFAULT (0), "last_id" integer NOT NULL DEFAULT (0), "last_hash" varchar(64) NOT NULL, "valid" boolean, "first_invalid_id" integer, "lease_owner" varchar(64), "lease_until" varchar(24), "created_at" varchar(24) NOT NULL, "finished_at" varchar(24))',
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE "audit_verify_jobs"');
    await queryRunner.query('DROP TABLE "audit_checkpoints"');
  }
}
