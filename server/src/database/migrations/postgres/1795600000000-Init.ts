import { MigrationInterface, QueryRunner } from 'typeorm';

export class Init1795600000000 implements MigrationInterface {
  name = 'Init1795600000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "audit_events" ("id" SERIAL NOT NULL, "at" character varying(24) NOT NULL, "actor_id" integer, "action" character varying(60) NOT NULL, "entity_type" character varying(40) NOT NULL, "entity_id" integer, "changes" text NOT NULL, "prev_hash" character varying(64) NOT NULL, "hash" character varying(64) NOT NULL, CONSTRAINT "UQ_dd4e005a38b7965794e8d2b1472" UNIQUE ("hash"), CONSTRAINT "PK_910f64d901a5c3e9878f0d4a407" PRIMARY KEY ("id"))',
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
      'CREATE TABLE "revoked_tokens" ("jti" character varying(36) NOT NULL, "expires_at" bigint NOT NULL, CONSTRAINT "PK_b18aa48269f87cafba8c6310624" PRIMARY KEY ("jti"))',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_5aee0c1828e7b9238ca3fe47bc" ON "revoked_tokens" ("expires_at") ',
    );
    await queryRunner.query(
      'CREATE TABLE "territories" ("id" SERIAL NOT NULL, "created_at" character varying(24) NOT NULL, "updated_at" character varying(24) NOT NULL, "version" integer NOT NULL DEFAULT \'1\', "code" character varying(32) NOT NULL, "name" character varying(120) NOT NULL, "municipalities" text NOT NULL, CONSTRAINT "UQ_e1a81c0cf29b429237ed209cc07" UNIQUE ("code"), CONSTRAINT "PK_5fd98f342e49509ee461d86f54f" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE TABLE "users" ("id" SERIAL NOT NULL, "created_at" character varying(24) NOT NULL, "updated_at" character varying(24) NOT NULL, "version" integer NOT NULL DEFAULT \'1\', "email" character varying(254) NOT NULL, "full_name" character varying(200) NOT NULL, "role" character varying(20) NOT NULL, "territory_ids" text NOT NULL, "active" boolean NOT NULL DEFAULT true, "password_hash" character varying(200) NOT NULL, "token_version" integer NOT NULL DEFAULT \'0\', CONSTRAINT "PK_a3ffb1c0c8416b9fc6f907b7433" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE UNIQUE INDEX "IDX_97672ac88f789774dd47f7c8be" ON "users" ("email") ',
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX "public"."IDX_97672ac88f789774dd47f7c8be"');
    await queryRunner.query('DROP TABLE "users"');
    await queryRunner.query('DROP TABLE "territories"');
    await queryRunner.query('DROP INDEX "public"."IDX_5aee0c1828e7b9238ca3fe47bc"');
    await queryRunner.query('DROP TABLE "revoked_tokens"');
    await queryRunner.query('DROP INDEX "public"."IDX_5c7623cfe8d008e1c1fd758fbc"');
    await queryRunner.query('DROP INDEX "public"."IDX_68d908019304f757740bc47a0a"');
    await queryRunner.query('DROP INDEX "public"."IDX_04c7c044146c6632491a370fc0"');
    await queryRunner.query('DROP INDEX "public"."IDX_3648e11676f1929b9875ee272b"');
    await queryRunner.query('DROP TABLE "audit_events"');
  }
}
