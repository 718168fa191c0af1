import { AccessLogEntry } from '../access-log/access-log.entity';
import { Assignment } from '../assignments/assignment.entity';
import { AuditCheckpoint } from '../audit/audit-checkpoint.entity';
import { AuditEvent } from '../audit/audit-event.entity';
import { AuditVerifyJob } from '../audit/audit-verify-job.entity';
import { LoginAccount, LoginAddressWindow, LoginFailure } from '../auth/login-throttle.entity';
import { RevokedToken } from '../auth/revoked-token.entity';
import { Beneficiary } from '../beneficiaries/beneficiary.entity';
import { CivicCenter } from '../civic-centers/civic-center.entity';
import { CommunityLab } from '../community-labs/community-lab.entity';
import { Household } from '../households/household.entity';
import { Milestone } from '../milestones/milestone.entity';
import { Note } from '../notes/note.entity';
import { PactCount } from '../pacts/pact-count.entity';
import { PactReferenceCounter } from '../pacts/pact-reference-counter.entity';
import { Pact } from '../pacts/pact.entity';
import { Territory } from '../territories/territory.entity';
import { User } from '../users/user.entity';

/** Every entity of the application; the migrations and the schema test are built from this list. */
export const ENTITIES = [
  Territory,
  User,
  AuditEvent,
  AuditCheckpoint,
  AuditVerifyJob,
  RevokedToken,
  AccessLogEntry,
  Household,
  Beneficiary,
  CommunityLab,
  CivicCenter,
  Pact,
  PactReferenceCounter,
  PactCount,
  Milestone,
  Note,
  Assignment,
  LoginFailure,
  LoginAccount,
  LoginAddressWindow,
];
