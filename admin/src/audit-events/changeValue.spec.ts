import { ELIGIBILITY_RULE_LABELS } from '@generattivi/shared';
import { i18nProvider, loadWording } from '../providers/i18nProvider';
import { changeReference, describeChangeValue } from './changeValue';

const t = i18nProvider.translate;

// The whole Italian wording, as the admin has it (the login page has only its own).
beforeAll(() => loadWording());

describe(describeChangeValue.name, () => {
  it('names the values of the closed vocabularies in Italian', () => {
    expect(describeChangeValue('pacts', 'status', 'SUBMITTED', t)).toBe('Inviato');
    expect(describeChangeValue('milestones', 'status', 'ACHIEVED', t)).toBe('Raggiunta');
    expect(describeChangeValue('pacts', 'type', 'AUTONOMY', t)).toBe("Patto per l'Autonomia");
    expect(describeChangeValue('pacts', 'outcome', 'EMPLOYED', t)).toBe('Occupazione trovata');
    expect(describeChangeValue('pacts', 'outcome', 'MOVED_AWAY', t)).toBe('Trasferimento');
    expect(describeChangeValue('users', 'role', 'MANAGER', t)).toBe('Responsabile');
  });

  it('writes dates, instants, booleans and empty values for people', () => {
    expect(describeChangeValue('pacts', 'startDate', '2026-12-01', t)).toBe('01/12/2026');
    expect(describeChangeValue('pacts', 'createdAt', '2026-11-25T12:49:49.548Z', t)).toBe(
      '25/11/2026, 13:49',
    );
    expect(describeChangeValue('users', 'active', false, t)).toBe('No');
    expect(describeChangeValue('pacts', 'closedAt', null, t)).toBe('—');
    expect(describeChangeValue('users', 'territoryIds', [1, 2], t)).toBe('1, 2');
  });

  it('leaves anything else as it is', () => {
    expect(describeChangeValue('pacts', 'title', 'Percorso', t)).toBe('Percorso');
    expect(describeChangeValue('pacts', 'status', 'SOMETHING_NEW', t)).toBe('SOMETHING_NEW');
    expect(describeChangeValue('pacts', 'progress', 40, t)).toBe('40');
  });
});

describe(changeReference.name, () => {
  it('names the collection the ids of a field point to', () => {
    expect(changeReference('territoryIds')).toBe('territories');
    expect(changeReference('communityMakerId')).toBe('users');
    expect(changeReference('pactId')).toBe('pacts');
    expect(changeReference('title')).toBeUndefined();
  });

  it('words the decision on open milestones', () => {
    expect(describeChangeValue('pacts', 'openMilestones', 'CANCELLED', t)).toBe('Annullata');
  });

  it("words a pact's eligibility as its verdict and the rules it fails, never as raw data", () => {
    const evaluation = (failing: boolean) => ({
      eligible: !failing,
      checks: [
        { rule: 'AUTONOMY_AGE', passed: true },
        { rule: 'AUTONOMY_UNEMPLOYED', passed: !failing },
      ],
    });
    expect(describeChangeValue('pacts', 'eligibility', evaluation(false), t)).toBe(
      'Requisiti soddisfatti',
    );
    expect(describeChangeValue('pacts', 'eligibility', evaluation(true), t)).toBe(
      `Requisiti non soddisfatti: ${ELIGIBILITY_RULE_LABELS.AUTONOMY_UNEMPLOYED.it}`,
    );
    const update = { ruleSet: '1', failing: ['AUTONOMY_AGE'] };
    expect(describeChangeValue('pacts', 'eligibility', update, t, 'en')).toBe(
      `Requisiti non soddisfatti: ${ELIGIBILITY_RULE_LABELS.AUTONOMY_AGE.en}`,
    );
    expect(describeChangeValue('pacts', 'eligibility', { ruleSet: '1', failing: [] }, t)).toBe(
      'Requisiti soddisfatti',
    );
    expect(describeChangeValue('pacts', 'notes', { other: 1 }, t)).toBe('{"other":1}');
  });
});
