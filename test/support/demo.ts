import { ROLES, type AuditEvent, type AuthUser, type Role, type User } from '@generattivi/shared';
import type { TestServer } from './server';

/** One demo account per role (API.md "Demo data and accounts"); the CREMA ones where it matters. */
export const DEMO_ACCOUNT: Record<Role, string> = {
  ADMIN: 'admin@demo.generattivi.it',
  MANAGER: 'manager@demo.generattivi.it',
  SOCIAL_WORKER: 'sociale.crema@demo.generattivi.it',
  COMMUNITY_MAKER: 'maker.crema@demo.generattivi.it',
};

/** Every demo account of API.md, with its role. */
export const DEMO_ACCOUNTS: ReadonlyArray<{ email: string; role: Role }> = [
  { email: 'admin@demo.generattivi.it', role: 'ADMIN' },
  { email: 'manager@demo.generattivi.it', role: 'MANAGER' },
  { email: 'sociale.crema@demo.generattivi.it', role: 'SOCIAL_WORKER' },
  { email: 'sociale.cremona@demo.generattivi.it', role: 'SOCIAL_WORKER' },
  { email: 'sociale.casalmaggiore@demo.generattivi.it', role: 'SOCIAL_WORKER' },
  { email: 'maker.crema@demo.generattivi.it', role: 'COMMUNITY_MAKER' },
  { email: 'maker.cremona@demo.generattivi.it', role: 'COMMUNITY_MAKER' },
  { email: 'maker.casalmaggiore@demo.generattivi.it', role: 'COMMUNITY_MAKER' },
];

export { ROLES };
export type { Role };

/** A token for each role's demo account. */
export async function loginEveryRole(server: TestServer): Promise<Record<Role, string>> {
  const tokens = await Promise.all(ROLES.map((role) => server.login(DEMO_ACCOUNT[role])));
  return Object.fromEntries(ROLES.map((role, i) => [role, tokens[i]])) as Record<Role, string>;
}

/** The API's error body (API.md "Errors"). */
export interface ErrorBody {
  statusCode: number;
  error: string;
  message: string;
  errors?: Record<string, string>;
  code?: string;
  [extra: string]: unknown;
}

/** The records as the API shows them: the shared types. */
export type UserRecord = User;
/** The `user` of login and /auth/me. */
export type SessionUser = AuthUser;
export type AuditEventRecord = AuditEvent;

let counter = 0;
/** An email no other test uses. */
export function uniqueEmail(label = 'user'): string {
  counter += 1;
  return `${label}.${Date.now().toString(36)}.${counter}@test.generattivi.it`;
}

/** Creates an account as ADMIN and returns it (throws unless 201). */
export async function createUser(
  server: TestServer,
  adminToken: string,
  fields: Partial<Omit<UserRecord, 'id' | 'createdAt' | 'updatedAt' | 'version'>> & {
    password: string;
  },
): Promise<UserRecord> {
  const res = await server.request<UserRecord>('POST', '/api/users', {
    token: adminToken,
    body: {
      email: fields.email ?? uniqueEmail(),
      fullName: fields.fullName ?? 'Giulia Test',
      role: fields.role ?? 'SOCIAL_WORKER',
      territoryIds: fields.territoryIds ?? [1],
      ...(fields.active === undefined ? {} : { active: fields.active }),
      password: fields.password,
    },
  });
  if (res.status !== 201) throw new Error(`create user → ${res.status} ${res.text}`);
  return res.body;
}

/** Reads every audit event matching a filter (ADMIN token), oldest first, page by page. */
export async function auditEvents(
  server: TestServer,
  adminToken: string,
  filter: Record<string, unknown> = {},
): Promise<AuditEventRecord[]> {
  const out: AuditEventRecord[] = [];
  for (;;) {
    const path = `/api/audit-events${listQuery(filter, ['id', 'ASC'], [out.length, out.length + 999])}`;
    const res = await server.request<AuditEventRecord[]>('GET', path, { token: adminToken });
    if (res.status !== 200) throw new Error(`audit-events → ${res.status} ${res.text}`);
    out.push(...res.body);
    const total = Number(/\/(\d+)$/.exec(res.headers.get('content-range') ?? '')?.[1]);
    if (res.body.length === 0 || out.length >= total) return out;
  }
}

/** `?filter=…&sort=…&range=…` for a react-admin list. */
export function listQuery(
  filter?: Record<string, unknown>,
  sort?: [string, 'ASC' | 'DESC'],
  range?: [number, number],
): string {
  const params = new URLSearchParams();
  if (filter) params.set('filter', JSON.stringify(filter));
  if (sort) params.set('sort', JSON.stringify(sort));
  if (range) params.set('range', JSON.stringify(range));
  const text = params.toString();
  return text ? `?${text}` : '';
}
