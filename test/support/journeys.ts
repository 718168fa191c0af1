import { addDays, todayIso, type Sex } from '@generattivi/shared';
import { openBrowser, type Browser } from './browser';
import { attachSignedPact } from './pacts';
import { startServer, type TestServer } from './server';
import { apiPost, personAged, territoryId, userId } from './ui';

/** The social worker of Crema the journeys of Crema sign in as. */
export const CREMA_WORKER = 'sociale.crema@demo.generattivi.it';

/** A journey suite's own SQLite server and browser, with Crema's worker and the administrator. */
export interface CremaSuite {
  server: TestServer;
  browser: Browser;
  /** The social worker of Crema's token, and the administrator's. */
  sw: string;
  admin: string;
  /** Crema's territory id. */
  crema: number;
}

/**
 * Starts a SQLite server and a browser before the suite's tests and closes both after them;
 * the object answered is filled in before the first test.
 */
export function cremaSuite(): CremaSuite {
  const suite = {} as CremaSuite;
  beforeAll(async () => {
    suite.server = await startServer({ engine: 'sqlite' });
    suite.browser = await openBrowser();
    suite.sw = await suite.server.login(CREMA_WORKER);
    suite.admin = await suite.server.login('admin@demo.generattivi.it');
    suite.crema = await territoryId(suite.server, suite.sw, 'CREMA');
  });
  afterAll(async () => {
    await suite.browser?.close();
    await suite.server?.stop();
  });
  return suite;
}

/** What the browser journeys read of a pact and of a milestone they made. */
export interface JourneyPact {
  id: number;
  reference: string;
  version: number;
  status: string;
}
export interface JourneyMilestone {
  id: number;
  version: number;
  title: string;
  dueDate: string;
}

/**
 * A pact of Crema as a journey needs it, made through the API by the social worker `token`: a
 * new AUTONOMY beneficiary aged `person.age`, the pact followed by the community maker `maker`
 * (email) from today to `days` later (180 by default), its milestones due `dueInDays` after
 * today (read as `M`), then SUBMITTED, or ACTIVE with its signed copy uploaded first.
 */
export async function makerPact<M extends { id: number } = JourneyMilestone>(
  server: TestServer,
  token: string,
  plan: {
    maker: string;
    person: { age: number; firstName: string; lastName: string; sex: Sex };
    title: string;
    days?: number;
    milestones: ReadonlyArray<readonly [title: string, dueInDays: number]>;
    status: 'SUBMITTED' | 'ACTIVE';
  },
): Promise<{
  pact: JourneyPact;
  milestones: M[];
  beneficiaryId: number;
  fiscalCode: string;
}> {
  const { age, ...names } = plan.person;
  const crema = await territoryId(server, token, 'CREMA');
  const person = personAged(age, names);
  const beneficiary = await apiPost(server, token, '/api/beneficiaries', {
    ...person,
    territoryId: crema,
    municipality: 'Crema',
    employmentStatus: 'UNEMPLOYED',
  });
  let pact = await apiPost<JourneyPact>(server, token, '/api/pacts', {
    type: 'AUTONOMY',
    territoryId: crema,
    beneficiaryId: beneficiary.id,
    communityMakerId: await userId(server, token, plan.maker),
    title: plan.title,
    startDate: todayIso(),
    plannedEndDate: addDays(todayIso(), plan.days ?? 180),
  });
  const milestones: M[] = [];
  for (const [title, dueInDays] of plan.milestones)
    milestones.push(
      await apiPost<M>(server, token, '/api/milestones', {
        pactId: pact.id,
        title,
        dueDate: addDays(todayIso(), dueInDays),
      }),
    );
  for (const to of plan.status === 'ACTIVE' ? ['SUBMITTED', 'ACTIVE'] : ['SUBMITTED']) {
    if (to === 'ACTIVE') await attachSignedPact(server, token, pact.id);
    pact = await apiPost<JourneyPact>(server, token, `/api/pacts/${pact.id}/transitions`, {
      to,
      version: pact.version,
    });
  }
  return { pact, milestones, beneficiaryId: beneficiary.id, fiscalCode: person.fiscalCode };
}
