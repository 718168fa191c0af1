import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { i18nProvider, loadWording } from '../providers/i18nProvider';
import englishAppMessages from '../i18n/en';
import italianMessages from '../i18n/it';
import { AUDIT_EXTRA_FIELDS, changeFieldLabel, humaniseKey, nameFromChanges } from './changeLabel';

const t = i18nProvider.translate;

beforeAll(() => loadWording());

/** The records the trail writes whole or in part, by the interface shared/src/records.ts names. */
const AUDITED: Record<string, string> = {
  territories: 'Territory',
  users: 'User',
  beneficiaries: 'Beneficiary',
  households: 'Household',
  pacts: 'Pact',
  milestones: 'Milestone',
  notes: 'Note',
  assignments: 'Assignment',
  'community-labs': 'CommunityLab',
  'civic-centers': 'CivicCenter',
  'pact-templates': 'PactTemplate',
  documents: 'DocumentRecord',
};

/** The fields of an interface of records.ts, with those of the records it extends. */
function fieldsOf(source: string, name: string): string[] {
  const match = new RegExp(
    `export interface ${name}(?: extends (\\w+))? \\{\\n([\\s\\S]*?)\\n\\}`,
  ).exec(source);
  if (!match) throw new Error(`no interface ${name} in records.ts`);
  const own = [...match[2].matchAll(/^ {2}(\w+)\??:/gm)].map((m) => m[1]);
  return [...(match[1] ? fieldsOf(source, match[1]) : []), ...own];
}

describe(changeFieldLabel.name, () => {
  const records = readFileSync(join(__dirname, '../../../shared/src/records.ts'), 'utf8');

  it.each(Object.entries(AUDITED))(
    'words every field of %s in Italian and English',
    (resource, name) => {
      const fields = [...fieldsOf(records, name), ...AUDIT_EXTRA_FIELDS];
      expect(fields.length).toBeGreaterThan(AUDIT_EXTRA_FIELDS.length + 3);
      for (const messages of [italianMessages, englishAppMessages]) {
        const { resources, app } = messages as unknown as {
          resources: Record<string, { fields?: Record<string, string> }>;
          app: { audit: { fields: Record<string, string> } };
        };
        const unworded = fields.filter(
          (field) => !resources[resource]?.fields?.[field] && !app.audit.fields[field],
        );
        expect(unworded).toEqual([]);
      }
    },
  );

  it("uses the record's label, then the trail's words, then the key in words", () => {
    expect(changeFieldLabel('pacts', 'plannedEndDate', t)).toBe('Fine prevista');
    expect(changeFieldLabel('pacts', 'openMilestones', t)).toBe('Tappe ancora aperte');
    expect(changeFieldLabel('users', 'passwordChanged', t)).toBe('Password cambiata');
    expect(changeFieldLabel('pacts', 'someNewKey', t)).toBe('some new key');
  });

  it('splits glued and underscored keys', () => {
    expect(humaniseKey('openMilestones')).toBe('open milestones');
    expect(humaniseKey('emailSha256')).toBe('email sha256');
    expect(humaniseKey('closing_note')).toBe('closing note');
  });
});

describe(nameFromChanges.name, () => {
  it("names a deleted record from the values it had, by the resource's representation", () => {
    const person = { firstName: ['Anna', null], lastName: ['Tosi', null] } as Record<
      string,
      [unknown, unknown]
    >;
    expect(
      nameFromChanges(
        person,
        (p: { firstName: string; lastName: string }) => `${p.lastName} ${p.firstName}`,
      ),
    ).toBe('Tosi Anna');
    expect(nameFromChanges({ name: ['Laboratorio', null] }, 'name')).toBe('Laboratorio');
  });

  it('gives nothing when the payload does not hold the name', () => {
    expect(nameFromChanges({ status: ['DRAFT', 'SUBMITTED'] }, 'name')).toBeNull();
    expect(
      nameFromChanges(
        { status: ['DRAFT', 'SUBMITTED'] },
        (p: { lastName: string; firstName: string }) => `${p.lastName} ${p.firstName}`,
      ),
    ).toBeNull();
    expect(nameFromChanges({ name: ['x', null] }, undefined)).toBeNull();
  });
});
