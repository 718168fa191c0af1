import { addDays, todayIso } from '@generattivi/shared';
import { SMALL_PDF, uploadDocument } from './documents';
import { territoryIds, userId, type Json } from './fixtures';
import type { ApiResponse, TestServer } from './server';

/** What the pact suites start from: tokens of demo accounts, territory ids, user ids. */
export interface PactSetup<A extends string, U extends string> {
  /** A token for each demo account asked for, by the suite's own name for it. */
  tokens: Record<A, string>;
  /** Territory ids by code (CREMA, CREMONA, CASALMAGGIORE). */
  territories: Record<string, number>;
  /** The ids of the users asked for, by the suite's own name for them. */
  users: Record<U, number>;
}

/** The demo accounts the pact suites sign in as: each role, and two districts' social workers. */
export const ROLE_ACCOUNTS = {
  admin: 'admin@demo.generattivi.it',
  manager: 'manager@demo.generattivi.it',
  swCrema: 'sociale.crema@demo.generattivi.it',
  swCremona: 'sociale.cremona@demo.generattivi.it',
  makerCrema: 'maker.crema@demo.generattivi.it',
} as const;

/**
 * Signs in the demo `accounts` (name → email) on `server` and reads, as ADMIN, the territory
 * ids and the ids of the `users` (name → email).
 */
export async function pactSetup<A extends string, U extends string>(
  server: TestServer,
  accounts: Record<A, string>,
  users: Record<U, string>,
): Promise<PactSetup<A, U>> {
  const names = Object.keys(accounts) as A[];
  const signed = await Promise.all(names.map((name) => server.login(accounts[name])));
  const tokens = Object.fromEntries(names.map((name, i) => [name, signed[i]])) as Record<A, string>;
  const admin = await server.login('admin@demo.generattivi.it');
  const userNames = Object.keys(users) as U[];
  const ids = await Promise.all(userNames.map((name) => userId(server, admin, users[name])));
  return {
    tokens,
    territories: await territoryIds(server, admin),
    users: Object.fromEntries(userNames.map((name, i) => [name, ids[i]])) as Record<U, number>,
  };
}

/**
 * The body of a new pact of `subject` (`{ beneficiaryId }` for AUTONOMY, `{ householdId }` for
 * INCLUSION), starting today and planned to end in 180 days; `extra` overrides any field.
 */
export function pactBody(
  territoryId: number,
  communityMakerId: number,
  subject: Json,
  extra: Json = {},
): Json {
  const today = todayIso();
  return {
    type: 'householdId' in subject ? 'INCLUSION' : 'AUTONOMY',
    territoryId,
    ...subject,
    communityMakerId,
    title: 'Percorso verso il lavoro',
    startDate: today,
    plannedEndDate: addDays(today, 180),
    ...extra,
  };
}

/** POSTs a transition of pact `id` (`{ to, reason… }`) with the pact's current version. */
export async function transition<T = Json>(
  server: TestServer,
  token: string,
  id: number,
  body: Json,
): Promise<ApiResponse<T>> {
  const current = await server.request<{ version: number }>('GET', `/api/pacts/${id}`, { token });
  return server.request<T>('POST', `/api/pacts/${id}/transitions`, {
    token,
    body: { version: current.body.version, ...body },
  });
}

/**
 * Uploads the signed copy of pact `pactId` (a SIGNED_PACT document, `SMALL_PDF`), which
 * approval requires; answers the created document's id. Throws unless the upload is a 201.
 */
export async function attachSignedPact(
  server: TestServer,
  token: string,
  pactId: number,
): Promise<number> {
  const document = await uploadDocument(server, token, {
    ownerType: 'pacts',
    ownerId: pactId,
    kind: 'SIGNED_PACT',
    file: SMALL_PDF,
    name: 'patto-firmato.pdf',
  });
  return document.id;
}
