import {
  AUTONOMY_OUTCOMES,
  INCLUSION_OUTCOMES,
  PACT_STATUSES,
  PACT_TYPES,
  TERMINATION_CODES,
} from '@generattivi/shared';
import { enumChoices } from '../common/choices';

export const pactTypeChoices = enumChoices(PACT_TYPES, 'pactType');
export const pactStatusChoices = enumChoices(PACT_STATUSES, 'pactStatus');

/** A closed pact's `outcome`: the outcome when COMPLETED, the termination code when TERMINATED. */
export const outcomeChoices = [
  ...enumChoices([...new Set([...AUTONOMY_OUTCOMES, ...INCLUSION_OUTCOMES])], 'outcome'),
  ...enumChoices(TERMINATION_CODES, 'terminationCode'),
];
