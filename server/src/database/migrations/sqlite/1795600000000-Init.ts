import { MigrationInterface, QueryRunner } from 'typeorm';

export class Init1795600000000 implements MigrationInterface {
  name = 'Init1795600000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "audit_events" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "at" varchar(24) NOT NULL, "actor_id" integer, "action" varchar(60) NOT NULL, "entity_type" varchar(40) NOT NULL, "entity_id" integer, "changes" text NOT NULL, "prev_hash" varchar(64) NOT NULL, "hash" varchar(64) NOT NULL, CONSTRAINT "UQ_dd4e005a38b7965794e8d2b1472" UNIQUE ("hash"))',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_3648e11676f1929b9875ee272b" ON "audit_events" ("at") ',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_04c7c044146c6632491a370fc0" ON "audit_events" ("actor_id") ',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_68d908019304f757740bc47a0a" ON "audit_events" ("action") ',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_5c7623cfe8d008e1c1fd758fbc" ON "audit_events" ("entity_type", "entity_id") ',
    );
    await queryRunner.query(
      'CREATE TABLE "revoked_tokens" ("jti" varchar(36) PRIMARY KEY NOT NULL, "expires_at" bigint NOT NULL)',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_5aee0c1828e7b9238ca3fe47bc" ON "revoked_tokens" ("expires_at") ',
    );
    await queryRunner.query(
      'CREATE TABLE "territories" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "created_at" varchar(24) NOT NULL, "updated_at" varchar(24) NOT NULL, "version" integer NOT NULL DEFAULT (1), "code" varchar(32) NOT NULL, "name" varchar(120) NOT NULL, "municipalities" text NOT NULL, CONSTRAINT "UQ_e1a81c0cf29b429237ed209cc07" UNIQUE ("code"))',
    );
    await queryRunner.query(
      'CREATE TABLE "users" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "created_at" varchar(24) NOT NULL, "updated_at" varchar(24) NOT NULL, "version" integer NOT NULL DEFAULT (1), "email" varchar(254) NOT NULL, "full_name" varchar(200) NOT NULL, "role" varchar(20) NOT NULL, "territory_ids" text NOT NULL, "active" boolean NOT NULL DEFAULT (1), "password_hash" varchar(200) NOT NULL, "token_version" integer NOT NULL DEFAULT (0))',
    );
    await queryRunner.query(
      'CREATE UNIQUE INDEX "IDX_97672ac88f789774dd47f7c8be" ON "users" ("email") ',
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX "IDX_97672ac88f789774dd47f7c8be"');
    await queryRunner.query('DROP TABLE "users"');
    await queryRunner.query('DROP TABLE "territories"');
    await queryRunner.query('DROP INDEX "IDX_5aee0c1828e7b9238ca3fe47bc"');
    await queryRunner.query('DROP TABLE "revoked_tokens"');
    await queryRunner.query('DROP INDEX "IDX_5c7623cfe8d008e1c1fd758fbc"');
    await queryRunner.query('DROP INDEX "IDX_68d908019304f757740bc47a0a"');
    await queryRunner.query('DROP INDEX "IDX_04c7c044146c6632491a370fc0"');
    await queryRunner.query('DROP INDEX "IDX_3648e11676f1929b9875ee272b"');
    await queryRunner.query('DROP TABLE "audit_events"');
  }
}
