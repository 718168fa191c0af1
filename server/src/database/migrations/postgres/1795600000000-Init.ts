import { MigrationInterface, QueryRunner } from 'typeorm';

export class Init1795600000000 implements MigrationInterface {
  name = 'Init1795600000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "access_log" ("id" SERIAL NOT NULL, "at" character varying(24) NOT NULL, "actor_id" integer NOT NULL, "entity_type" character varying(40) NOT NULL, "entity_id" integer NOT NULL, CONSTRAINT "PK_bd09621fb73b42d9e32b85ae41f" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_69ed07c2cbedac8c817ed8d449" ON "access_log" ("actor_id") ',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_9f1751fe4406c2237ea1fd1c73" ON "access_log" ("entity_type", "entity_id", "at") ',
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
    await queryRunner.query(
      'CREATE TABLE "households" ("id" SERIAL NOT NULL, "created_at" character varying(24) NOT NULL, "updated_at" character varying(24) NOT NULL, "version" integer NOT NULL DEFAULT \'1\', "name" character varying(120) NOT NULL, "territory_id" integer NOT NULL, "municipality" character varying(120) NOT NULL, "members_count" integer NOT NULL, "isee_eur" numeric(12,2), "vulnerable" boolean NOT NULL DEFAULT false, "vulnerability_reason" text, "assessed_by_id" integer, "assessed_at" character varying(24), CONSTRAINT "PK_2b1aef2640717132e9231aac756" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_6e30edb14572327a30b2990e3b" ON "households" ("name") ',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_aa1ad5057946ece68e63045e6a" ON "households" ("territory_id") ',
    );
    await queryRunner.query(
      'CREATE TABLE "beneficiaries" ("id" SERIAL NOT NULL, "created_at" character varying(24) NOT NULL, "updated_at" character varying(24) NOT NULL, "version" integer NOT NULL DEFAULT \'1\', "first_name" character varying(100) NOT NULL, "last_name" character varying(100) NOT NULL, "fiscal_code" character varying(16) NOT NULL, "birth_date" character varying(10) NOT NULL, "sex" character varying(1) NOT NULL, "territory_id" integer NOT NULL, "municipality" character varying(120) NOT NULL, "address" character varying(200), "phone" character varying(40), "email" character varying(254), "employment_status" character varying(20) NOT NULL, "household_id" integer, CONSTRAINT "PK_c9356d282dec80f7f12a9eef10a" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE UNIQUE INDEX "IDX_219a50af75a56e7e04a1e5a022" ON "beneficiaries" ("fiscal_code") ',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_ea52ed55490b26d374f14711b0" ON "beneficiaries" ("household_id") ',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_87a87731832ffa8a5f59f4f76f" ON "beneficiaries" ("territory_id", "last_name") ',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_6191a9dbecc219d460265ccdc7" ON "beneficiaries" ("last_name", "first_name") ',
    );
    await queryRunner.query(
      'CREATE TABLE "community_labs" ("id" SERIAL NOT NULL, "created_at" character varying(24) NOT NULL, "updated_at" character varying(24) NOT NULL, "version" integer NOT NULL DEFAULT \'1\', "name" character varying(160) NOT NULL, "territory_id" integer NOT NULL, "municipality" character varying(120), "description" text NOT NULL DEFAULT \'\', "community_maker_ids" text NOT NULL, CONSTRAINT "PK_3fba9b63568203e2a5b6833a230" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_66ff58cc060e3d97740d3f4998" ON "community_labs" ("territory_id") ',
    );
    await queryRunner.query(
      'CREATE TABLE "pacts" ("id" SERIAL NOT NULL, "created_at" character varying(24) NOT NULL, "updated_at" character varying(24) NOT NULL, "version" integer NOT NULL DEFAULT \'1\', "type" character varying(12) NOT NULL, "reference" character varying(40) NOT NULL, "status" character varying(12) NOT NULL, "territory_id" integer NOT NULL, "beneficiary_id" integer, "household_id" integer, "social_worker_id" integer, "community_maker_id" integer, "community_lab_id" integer, "title" character varying(200) NOT NULL, "objectives" text NOT NULL DEFAULT \'\', "citizen_commitments" text NOT NULL DEFAULT \'\', "community_commitments" text NOT NULL DEFAULT \'\', "start_date" character varying(10), "planned_end_date" character varying(10), "submitted_at" character varying(24), "approved_at" character varying(24), "closed_at" character varying(24), "outcome" character varying(30), "closing_note" text, "eligibility" text, "progress" integer NOT NULL DEFAULT \'0\', "last_note_at" character varying(24), CONSTRAINT "PK_8fc613c47ff1d0b3229172749e6" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE UNIQUE INDEX "IDX_476d77f24342a6134b29d7b7d1" ON "pacts" ("reference") ',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_167cdacc02cd3cf82e4f65ba84" ON "pacts" ("beneficiary_id") ',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_1fcbeda60f763aa031ac696ec0" ON "pacts" ("household_id") ',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_c988921b28fab0310fdbc1176b" ON "pacts" ("social_worker_id") ',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_pacts_maker_status" ON "pacts" ("community_maker_id", "status", "planned_end_date", "id", "territory_id", "type", "social_worker_id", "last_note_at", "approved_at", "submitted_at", "created_at", "start_date", "closed_at", "outcome", "reference") ',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_bd4f8030094bb54f530d2c7901" ON "pacts" ("territory_id", "start_date") ',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_603f58f674e3819c16ef98067f" ON "pacts" ("start_date") ',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_pacts_status_end" ON "pacts" ("status", "planned_end_date", "id", "territory_id", "type", "social_worker_id", "community_maker_id", "last_note_at", "approved_at", "submitted_at", "created_at", "start_date", "closed_at", "outcome", "reference") ',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_57b645eef4e5f91af268601795" ON "pacts" ("territory_id", "status") ',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_pacts_territory_status_end" ON "pacts" ("territory_id", "status", "planned_end_date", "id", "type", "social_worker_id", "community_maker_id", "last_note_at", "approved_at", "submitted_at", "created_at", "start_date", "closed_at", "outcome", "reference") ',
    );
    await queryRunner.query(
      'CREATE TABLE "assignments" ("id" SERIAL NOT NULL, "created_at" character varying(24) NOT NULL, "updated_at" character varying(24) NOT NULL, "pact_id" integer NOT NULL, "community_maker_id" integer NOT NULL, "assigned_by_id" integer NOT NULL, "started_at" character varying(24) NOT NULL, "ended_at" character varying(24), "reason" text, CONSTRAINT "PK_c54ca359535e0012b04dcbd80ee" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_660c34e65fd048cab6ea6d00eb" ON "assignments" ("pact_id") ',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_88c626ba539a676d363a2ec0f0" ON "assignments" ("community_maker_id") ',
    );
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
      'CREATE TABLE "civic_centers" ("id" SERIAL NOT NULL, "created_at" character varying(24) NOT NULL, "updated_at" character varying(24) NOT NULL, "version" integer NOT NULL DEFAULT \'1\', "name" character varying(160) NOT NULL, "territory_id" integer NOT NULL, "municipality" character varying(120), "description" text NOT NULL DEFAULT \'\', "children_reached" integer NOT NULL DEFAULT \'0\', "adults_reached" integer NOT NULL DEFAULT \'0\', CONSTRAINT "PK_4df638496f8a2a4630171447cfe" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_e397443bad1183a0e21badd806" ON "civic_centers" ("territory_id") ',
    );
    await queryRunner.query(
      'CREATE TABLE "milestones" ("id" SERIAL NOT NULL, "created_at" character varying(24) NOT NULL, "updated_at" character varying(24) NOT NULL, "version" integer NOT NULL DEFAULT \'1\', "pact_id" integer NOT NULL, "title" character varying(200) NOT NULL, "description" text NOT NULL DEFAULT \'\', "due_date" character varying(10) NOT NULL, "status" character varying(12) NOT NULL DEFAULT \'PENDING\', "achieved_at" character varying(10), "evidence" text, CONSTRAINT "PK_0bdbfe399c777a6a8520ff902d9" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_593828a83461e19330bcb2e7b5" ON "milestones" ("pact_id", "status", "due_date", "achieved_at") ',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_30749222f20bdcd6333623ee18" ON "milestones" ("status", "due_date", "pact_id") ',
    );
    await queryRunner.query(
      'CREATE TABLE "notes" ("id" SERIAL NOT NULL, "created_at" character varying(24) NOT NULL, "updated_at" character varying(24) NOT NULL, "pact_id" integer NOT NULL, "author_id" integer NOT NULL, "kind" character varying(12) NOT NULL, "occurred_at" character varying(24) NOT NULL, "body" text NOT NULL, CONSTRAINT "PK_af6206538ea96c4e77e9f400c3d" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_35b89a50cb9203dccff4413651" ON "notes" ("author_id") ',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_0a4b121dc2e08d3a703771d4a7" ON "notes" ("occurred_at") ',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_ea2c45a659bc88d74d948a7fc9" ON "notes" ("pact_id", "occurred_at") ',
    );
    await queryRunner.query(
      'CREATE TABLE "pact_reference_counters" ("series" character varying(40) NOT NULL, "last_value" integer NOT NULL, CONSTRAINT "PK_5e7bdf9882081f2a5a63e45178f" PRIMARY KEY ("series"))',
    );
    await queryRunner.query(
      'ALTER TABLE "households" ADD CONSTRAINT "FK_aa1ad5057946ece68e63045e6ad" FOREIGN KEY ("territory_id") REFERENCES "territories"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "households" ADD CONSTRAINT "FK_a5612b61c7b87a6d21fbe942d3e" FOREIGN KEY ("assessed_by_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "beneficiaries" ADD CONSTRAINT "FK_aa079f012ddc99b254fbba104cb" FOREIGN KEY ("territory_id") REFERENCES "territories"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "beneficiaries" ADD CONSTRAINT "FK_ea52ed55490b26d374f14711b0c" FOREIGN KEY ("household_id") REFERENCES "households"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "community_labs" ADD CONSTRAINT "FK_66ff58cc060e3d97740d3f4998a" FOREIGN KEY ("territory_id") REFERENCES "territories"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "pacts" ADD CONSTRAINT "FK_9c02d18e7b0a60a726f9a734378" FOREIGN KEY ("territory_id") REFERENCES "territories"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "pacts" ADD CONSTRAINT "FK_167cdacc02cd3cf82e4f65ba84e" FOREIGN KEY ("beneficiary_id") REFERENCES "beneficiaries"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "pacts" ADD CONSTRAINT "FK_1fcbeda60f763aa031ac696ec01" FOREIGN KEY ("household_id") REFERENCES "households"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "pacts" ADD CONSTRAINT "FK_c988921b28fab0310fdbc1176bb" FOREIGN KEY ("social_worker_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "pacts" ADD CONSTRAINT "FK_f0bc6f88635b13800daf43a24a2" FOREIGN KEY ("community_maker_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "pacts" ADD CONSTRAINT "FK_582f7170012f448b31e3337d0eb" FOREIGN KEY ("community_lab_id") REFERENCES "community_labs"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "assignments" ADD CONSTRAINT "FK_660c34e65fd048cab6ea6d00eb0" FOREIGN KEY ("pact_id") REFERENCES "pacts"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "assignments" ADD CONSTRAINT "FK_88c626ba539a676d363a2ec0f09" FOREIGN KEY ("community_maker_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "assignments" ADD CONSTRAINT "FK_a76bdbfeb13c3a195855993eaa5" FOREIGN KEY ("assigned_by_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "civic_centers" ADD CONSTRAINT "FK_e397443bad1183a0e21badd8060" FOREIGN KEY ("territory_id") REFERENCES "territories"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "milestones" ADD CONSTRAINT "FK_09976793f7eeb1c59c14711871f" FOREIGN KEY ("pact_id") REFERENCES "pacts"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "notes" ADD CONSTRAINT "FK_c6de52a804ba22538b36e54acc0" FOREIGN KEY ("pact_id") REFERENCES "pacts"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "notes" ADD CONSTRAINT "FK_35b89a50cb9203dccff44136519" FOREIGN KEY ("author_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "notes" DROP CONSTRAINT "FK_35b89a50cb9203dccff44136519"');
    await queryRunner.query('ALTER TABLE "notes" DROP CONSTRAINT "FK_c6de52a804ba22538b36e54acc0"');
    await queryRunner.query(
      'ALTER TABLE "milestones" DROP CONSTRAINT "FK_09976793f7eeb1c59c14711871f"',
    );
    await queryRunner.query(
      'ALTER TABLE "civic_centers" DROP CONSTRAINT "FK_e397443bad1183a0e21badd8060"',
    );
    await queryRunner.query(
      'ALTER TABLE "assignments" DROP CONSTRAINT "FK_a76bdbfeb13c3a195855993eaa5"',
    );
    await queryRunner.query(
      'ALTER TABLE "assignments" DROP CONSTRAINT "FK_88c626ba539a676d363a2ec0f09"',
    );
    await queryRunner.query(
      'ALTER TABLE "assignments" DROP CONSTRAINT "FK_660c34e65fd048cab6ea6d00eb0"',
    );
    await queryRunner.query('ALTER TABLE "pacts" DROP CONSTRAINT "FK_582f7170012f448b31e3337d0eb"');
    await queryRunner.query('ALTER TABLE "pacts" DROP CONSTRAINT "FK_f0bc6f88635b13800daf43a24a2"');
    await queryRunner.query('ALTER TABLE "pacts" DROP CONSTRAINT "FK_c988921b28fab0310fdbc1176bb"');
    await queryRunner.query('ALTER TABLE "pacts" DROP CONSTRAINT "FK_1fcbeda60f763aa031ac696ec01"');
    await queryRunner.query('ALTER TABLE "pacts" DROP CONSTRAINT "FK_167cdacc02cd3cf82e4f65ba84e"');
    await queryRunner.query('ALTER TABLE "pacts" DROP CONSTRAINT "FK_9c02d18e7b0a60a726f9a734378"');
    await queryRunner.query(
      'ALTER TABLE "community_labs" DROP CONSTRAINT "FK_66ff58cc060e3d97740d3f4998a"',
    );
    await queryRunner.query(
      'ALTER TABLE "beneficiaries" DROP CONSTRAINT "FK_ea52ed55490b26d374f14711b0c"',
    );
    await queryRunner.query(
      'ALTER TABLE "beneficiaries" DROP CONSTRAINT "FK_aa079f012ddc99b254fbba104cb"',
    );
    await queryRunner.query(
      'ALTER TABLE "households" DROP CONSTRAINT "FK_a5612b61c7b87a6d21fbe942d3e"',
    );
    await queryRunner.query(
      'ALTER TABLE "households" DROP CONSTRAINT "FK_aa1ad5057946ece68e63045e6ad"',
    );
    await queryRunner.query('DROP TABLE "pact_reference_counters"');
    await queryRunner.query('DROP INDEX "public"."IDX_ea2c45a659bc88d74d948a7fc9"');
    await queryRunner.query('DROP INDEX "public"."IDX_0a4b121dc2e08d3a703771d4a7"');
    await queryRunner.query('DROP INDEX "public"."IDX_35b89a50cb9203dccff4413651"');
    await queryRunner.query('DROP TABLE "notes"');
    await queryRunner.query('DROP INDEX "public"."IDX_30749222f20bdcd6333623ee18"');
    await queryRunner.query('DROP INDEX "public"."IDX_593828a83461e19330bcb2e7b5"');
    await queryRunner.query('DROP TABLE "milestones"');
    await queryRunner.query('DROP INDEX "public"."IDX_e397443bad1183a0e21badd806"');
    await queryRunner.query('DROP TABLE "civic_centers"');
    await queryRunner.query('DROP INDEX "public"."IDX_5aee0c1828e7b9238ca3fe47bc"');
    await queryRunner.query('DROP TABLE "revoked_tokens"');
    await queryRunner.query('DROP INDEX "public"."IDX_5c7623cfe8d008e1c1fd758fbc"');
    await queryRunner.query('DROP INDEX "public"."IDX_68d908019304f757740bc47a0a"');
    await queryRunner.query('DROP INDEX "public"."IDX_04c7c044146c6632491a370fc0"');
    await queryRunner.query('DROP INDEX "public"."IDX_3648e11676f1929b9875ee272b"');
    await queryRunner.query('DROP TABLE "audit_events"');
    await queryRunner.query('DROP INDEX "public"."IDX_88c626ba539a676d363a2ec0f0"');
    await queryRunner.query('DROP INDEX "public"."IDX_660c34e65fd048cab6ea6d00eb"');
    await queryRunner.query('DROP TABLE "assignments"');
    await queryRunner.query('DROP INDEX "public"."IDX_pacts_territory_status_end"');
    await queryRunner.query('DROP INDEX "public"."IDX_57b645eef4e5f91af268601795"');
    await queryRunner.query('DROP INDEX "public"."IDX_pacts_status_end"');
    await queryRunner.query('DROP INDEX "public"."IDX_603f58f674e3819c16ef98067f"');
    await queryRunner.query('DROP INDEX "public"."IDX_bd4f8030094bb54f530d2c7901"');
    await queryRunner.query('DROP INDEX "public"."IDX_pacts_maker_status"');
    await queryRunner.query('DROP INDEX "public"."IDX_c988921b28fab0310fdbc1176b"');
    await queryRunner.query('DROP INDEX "public"."IDX_1fcbeda60f763aa031ac696ec0"');
    await queryRunner.query('DROP INDEX "public"."IDX_167cdacc02cd3cf82e4f65ba84"');
    await queryRunner.query('DROP INDEX "public"."IDX_476d77f24342a6134b29d7b7d1"');
    await queryRunner.query('DROP TABLE "pacts"');
    await queryRunner.query('DROP INDEX "public"."IDX_66ff58cc060e3d97740d3f4998"');
    await queryRunner.query('DROP TABLE "community_labs"');
    await queryRunner.query('DROP INDEX "public"."IDX_6191a9dbecc219d460265ccdc7"');
    await queryRunner.query('DROP INDEX "public"."IDX_87a87731832ffa8a5f59f4f76f"');
    await queryRunner.query('DROP INDEX "public"."IDX_ea52ed55490b26d374f14711b0"');
    await queryRunner.query('DROP INDEX "public"."IDX_219a50af75a56e7e04a1e5a022"');
    await queryRunner.query('DROP TABLE "beneficiaries"');
    await queryRunner.query('DROP INDEX "public"."IDX_aa1ad5057946ece68e63045e6a"');
    await queryRunner.query('DROP INDEX "public"."IDX_6e30edb14572327a30b2990e3b"');
    await queryRunner.query('DROP TABLE "households"');
    await queryRunner.query('DROP INDEX "public"."IDX_97672ac88f789774dd47f7c8be"');
    await queryRunner.query('DROP TABLE "users"');
    await queryRunner.query('DROP TABLE "territories"');
    await queryRunner.query('DROP INDEX "public"."IDX_9f1751fe4406c2237ea1fd1c73"');
    await queryRunner.query('DROP INDEX "public"."IDX_69ed07c2cbedac8c817ed8d449"');
    await queryRunner.query('DROP TABLE "access_log"');
  }
}
