import { AuditEvent } from '../audit/audit-event.entity';
import { RevokedToken } from '../auth/revoked-token.entity';
import { Territory } from '../territories/territory.entity';
import { User } from '../users/user.entity';

/** Every entity of the application; the migrations and the schema test are built from this list. */
export const ENTITIES = [Territory, User, AuditEvent, RevokedToken];
