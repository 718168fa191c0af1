import {
  ELIGIBILITY_RULE_LABELS,
  isIsoDate,
  type EligibilityRule,
  type LocalizedText,
} from '@generattivi/shared';
import { formatDate, formatInstant } from '../common/format';

type Translate = (key: string, options?: Record<string, unknown>) => string;

/** Which `enums.<group>` names the values of a field, by collection. */
const ENUM_GROUPS: Record<string, string | ((entityType: string) => string)> = {
  status: (entityType) => (entityType === 'milestones' ? 'milestoneStatus' : 'pactStatus'),
  type: 'pactType',
  kind: 'noteKind',
  role: 'role',
  employmentStatus: 'employmentStatus',
  sex: 'sex',
  code: 'territory',
  openMilestones: 'milestoneStatus',
};

/**
 * The collection the ids of a field point to: the trail keeps ids, the screen shows names.
 * (`ownerId` of a document points to the record of its `ownerType`, not named here.)
 */
const REFERENCES: Record<string, string> = {
  territoryId: 'territories',
  territoryIds: 'territories',
  pactId: 'pacts',
  beneficiaryId: 'beneficiaries',
  householdId: 'households',
  communityLabId: 'community-labs',
  communityMakerId: 'users',
  communityMakerIds: 'users',
  socialWorkerId: 'users',
  assignedById: 'users',
  assessedById: 'users',
  authorId: 'users',
  uploadedById: 'users',
};

/** The collection a changed field's ids point to, or undefined for a field of plain values. */
export const changeReference = (field: string): string | undefined => REFERENCES[field];

/**
 * A pact's eligibility as the trail keeps it: the whole evaluation (a transition) or the rules
 * it fails (an update), either way the verdict and the rules failed.
 */
interface EvaluationValue {
  eligible?: boolean;
  checks?: { rule: string; passed: boolean }[];
  failing?: string[];
}

/** The rules an evaluation kept by the trail fails, or null for any other value. */
function failedRules(value: unknown): string[] | null {
  if (typeof value !== 'object' || value === null) return null;
  const v = value as EvaluationValue;
  if (Array.isArray(v.failing)) return v.failing;
  if (typeof v.eligible === 'boolean' && Array.isArray(v.checks)) {
    return v.checks.filter((c) => !c.passed).map((c) => c.rule);
  }
  return null;
}

const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?Z$/;

/** A value of an audit change as people read it: enums named, dates written the Italian way. */
export function describeChangeValue(
  entityType: string,
  field: string,
  value: unknown,
  translate: Translate,
  language: keyof LocalizedText = 'it',
): string {
  if (value === null || value === undefined || value === '') return '—';
  if (typeof value === 'boolean') return translate(value ? 'ra.boolean.true' : 'ra.boolean.false');
  if (Array.isArray(value)) {
    return value
      .map((v) => describeChangeValue(entityType, field, v, translate, language))
      .join(', ');
  }
  if (typeof value === 'string') {
    if (field === 'outcome') {
      return translate(`enums.outcome.${value}`, {
        _: translate(`enums.terminationCode.${value}`, { _: value }),
      });
    }
    const group = ENUM_GROUPS[field];
    if (group) {
      const name = typeof group === 'function' ? group(entityType) : group;
      return translate(`enums.${name}.${value}`, { _: value });
    }
    if (isIsoDate(value)) return formatDate(value);
    if (INSTANT.test(value)) return formatInstant(value);
    return value;
  }
  const failed = field === 'eligibility' ? failedRules(value) : null;
  if (failed) {
    const verdict = translate(
      failed.length ? 'app.eligibility.not_eligible' : 'app.eligibility.eligible',
    );
    const rules = failed.map(
      (rule) => ELIGIBILITY_RULE_LABELS[rule as EligibilityRule]?.[language] ?? rule,
    );
    return rules.length ? `${verdict}: ${rules.join('; ')}` : verdict;
  }
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}
