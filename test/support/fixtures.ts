import {
  addDays,
  computeFiscalCode,
  todayIso,
  type EmploymentStatus,
  type Sex,
} from '@generattivi/shared';
import type { TestServer } from './server';

export type Json = Record<string, unknown>;

let counter = 0;
const LAST = [
  'Rossi',
  'Galli',
  'Bassi',
  'Testa',
  'Rizzi',
  'Tosi',
  'Moretti',
  'Fontana',
  'Barbieri',
  'Cattaneo',
];
const FIRST: Record<Sex, string[]> = {
  F: ['Giulia', 'Sara', 'Elisa', 'Marta'],
  M: ['Marco', 'Luca', 'Paolo', 'Omar'],
};

/** The date `years` years before `date` (29 February becomes 28 February when needed). */
export function yearsBefore(date: string, years: number): string {
  const y = Number(date.slice(0, 4)) - years;
  const rest = date.slice(4);
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  return `${y}${rest === '-02-29' && !leap ? '-02-28' : rest}`;
}

export async function territoryIds(
  server: TestServer,
  token: string,
): Promise<Record<string, number>> {
  const res = await server.request<Array<{ id: number; code: string }>>('GET', '/api/territories', {
    token,
  });
  return Object.fromEntries(res.body.map((t) => [t.code, t.id]));
}

export async function userId(server: TestServer, token: string, email: string): Promise<number> {
  const res = await server.request<Array<{ id: number }>>(
    'GET',
    `/api/users?filter=${encodeURIComponent(JSON.stringify({ q: email }))}`,
    { token },
  );
  if (!res.body[0]) throw new Error(`no user ${email}`);
  return res.body[0].id;
}

/**
 * A beneficiary body with a valid fiscal code; unique names (unless given) and birth dates so
 * codes never collide.
 */
export function beneficiaryBody(
  territoryId: number,
  opts: {
    birthDate?: string;
    sex?: Sex;
    employmentStatus?: EmploymentStatus;
    municipality?: string;
    householdId?: number;
    firstName?: string;
    lastName?: string;
  } = {},
): Json {
  counter += 1;
  const sex = opts.sex ?? (counter % 2 ? 'F' : 'M');
  const birthDate = opts.birthDate ?? addDays(yearsBefore(todayIso(), 25), -counter);
  const lastName =
    opts.lastName ??
    `${LAST[counter % LAST.length]}${String.fromCharCode(65 + (counter % 26))}${String.fromCharCode(65 + ((counter >> 5) % 26))}`;
  const firstName = opts.firstName ?? FIRST[sex][counter % 4];
  return {
    firstName,
    lastName,
    fiscalCode: computeFiscalCode({
      lastName,
      firstName,
      birthDate,
      sex,
      municipalityCode: `D${String(100 + (counter % 899)).padStart(3, '0')}`,
    }),
    birthDate,
    sex,
    territoryId,
    municipality: opts.municipality ?? 'Crema',
    address: 'via Roma 1',
    phone: '+39 333 000 0000',
    email: `persona${counter}@example.org`,
    employmentStatus: opts.employmentStatus ?? 'UNEMPLOYED',
    ...(opts.householdId ? { householdId: opts.householdId } : {}),
  };
}

export async function createBeneficiary(
  server: TestServer,
  token: string,
  body: Json,
): Promise<Json & { id: number }> {
  const res = await server.request<Json & { id: number }>('POST', '/api/beneficiaries', {
    token,
    body,
  });
  if (res.status !== 201) throw new Error(`create beneficiary → ${res.status} ${res.text}`);
  return res.body;
}

export async function createHousehold(
  server: TestServer,
  token: string,
  body: Json,
): Promise<Json & { id: number }> {
  const res = await server.request<Json & { id: number }>('POST', '/api/households', {
    token,
    body: {
      name: `Famiglia ${++counter}`,
      municipality: 'Crema',
      membersCount: 3,
      iseeEur: 8000,
      vulnerable: false,
      ...body,
    },
  });
  if (res.status !== 201) throw new Error(`create household → ${res.status} ${res.text}`);
  return res.body;
}
