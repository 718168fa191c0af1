import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { OPEN_MILESTONE_DECISIONS, PACT_TRANSITIONS, RESOURCES } from '@generattivi/shared';
import { ALERT_KINDS } from '@generattivi/shared';
import { AUDIT_EXTRA_FIELDS } from '../audit-events/changeLabel';
import englishAppMessages from './en';
import italianMessages from './it';

/** Every `.ts`/`.tsx` file under src, but the tests. */
function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return /\.tsx?$/.test(name) && !/\.spec\.tsx?$/.test(name) ? [path] : [];
  });
}

const get = (tree: object, key: string): unknown =>
  key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown>)?.[part], tree);

describe('translation keys used by the code', () => {
  const code = sources(join(__dirname, '..')).map((file) => readFileSync(file, 'utf8'));
  const literal = new Set(
    code.flatMap((text) => [...text.matchAll(/['"`](app\.[\w.]+)['"`]/g)].map((m) => m[1])),
  );

  /** The keys the code builds from a value (`app.alerts.kind.${kind}`…), one per value. */
  const built = [
    ...PACT_TRANSITIONS.map((t) => `app.transitions.explain.${t.action}`),
    ...OPEN_MILESTONE_DECISIONS.map((d) => `app.transitions.open_milestones_as.${d}`),
    ...ALERT_KINDS.map((kind) => `app.alerts.kind.${kind}`),
    ...RESOURCES.flatMap((r) => [`app.empty.${r}.create`, `app.empty.${r}.read`]),
    ...['communityMakerId', 'milestones', 'startDate', 'plannedEndDate'].map(
      (f) => `app.approval.${f}`,
    ),
    ...['communityMakers', 'socialWorkers'].map((p) => `app.caseload.title_${p}`),
    ...[
      'active',
      'suspended',
      'draft',
      'awaitingApproval',
      'overdueMilestones',
      'withoutRecentNote',
      'endingWithin30Days',
    ].map((c) => `app.caseload.${c}`),
    ...AUDIT_EXTRA_FIELDS.map((f) => `app.audit.fields.${f}`),
    'app.reports.type_short.AUTONOMY',
    'app.reports.type_short.INCLUSION',
  ];

  it('finds the literal keys', () => {
    expect(literal.size).toBeGreaterThan(100);
  });

  test.each([...literal, ...built])('%s is written in Italian and English', (key) => {
    expect(typeof get(italianMessages, key)).toBe('string');
    expect(typeof get(englishAppMessages, key)).toBe('string');
  });
});
