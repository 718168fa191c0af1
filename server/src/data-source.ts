import { ACCESS_LOG_ENTITIES } from './access-log/access-log.module';
import { ASSIGNMENT_ENTITIES } from './assignments/assignments.module';
import { AUDIT_ENTITIES } from './audit/audit.module';
import { AUTH_ENTITIES } from './auth/auth.module';
import { BENEFICIARY_ENTITIES } from './beneficiaries/beneficiaries.module';
import { CIVIC_CENTER_ENTITIES } from './civic-centers/civic-centers.module';
import { DOCUMENT_ENTITIES } from './documents/documents.module';
import { documentContentSchema } from './documents/document.entity';
import { COMMUNITY_LAB_ENTITIES } from './community-labs/community-labs.module';
import type { DatabaseConfig } from './config/config';
import { dataSourceOptions } from './database/data-source-options';
import { HOUSEHOLD_ENTITIES } from './households/households.module';
import { IDEMPOTENCY_ENTITIES } from './idempotency/idempotency.module';
import { IMPORT_ENTITIES } from './imports/imports.module';
import { MAIL_ENTITIES } from './mail/mail.module';
import { PASSWORD_TOKEN_ENTITIES } from './password-tokens/password-tokens.module';
import { MILESTONE_ENTITIES } from './milestones/milestones.module';
import { NOTE_ENTITIES } from './notes/notes.module';
import { PACT_ENTITIES } from './pacts/pacts.module';
import { PACT_TEMPLATE_ENTITIES } from './pact-templates/pact-templates.module';
import { SAVED_FILTER_ENTITIES } from './saved-filters/saved-filters.module';
import { NOTIFICATION_ENTITIES } from './notifications/notifications.module';
import { TERRITORY_ENTITIES } from './territories/territories.module';
import { USER_ENTITIES } from './users/users.module';

/** Every entity of the application, as each feature declares it; migrations and the schema test are built from it. */
export const ENTITIES = [
  ...TERRITORY_ENTITIES,
  ...USER_ENTITIES,
  ...AUDIT_ENTITIES,
  ...AUTH_ENTITIES,
  ...ACCESS_LOG_ENTITIES,
  ...HOUSEHOLD_ENTITIES,
  ...BENEFICIARY_ENTITIES,
  ...COMMUNITY_LAB_ENTITIES,
  ...CIVIC_CENTER_ENTITIES,
  ...PACT_TEMPLATE_ENTITIES,
  ...SAVED_FILTER_ENTITIES,
  ...PACT_ENTITIES,
  ...MILESTONE_ENTITIES,
  ...NOTE_ENTITIES,
  ...ASSIGNMENT_ENTITIES,
  ...IDEMPOTENCY_ENTITIES,
  ...DOCUMENT_ENTITIES,
  ...IMPORT_ENTITIES,
  ...MAIL_ENTITIES,
  ...PASSWORD_TOKEN_ENTITIES,
  ...NOTIFICATION_ENTITIES,
];

/** The application's database: the server, the migration tools, the scale seed and the tests open it so. */
export const appDataSourceOptions = (db: DatabaseConfig) =>
  dataSourceOptions(db, [...ENTITIES, documentContentSchema(db.type)]);
