import { MILESTONE_STATUSES } from '@generattivi/shared';
import { enumChoices } from '../common/choices';

export const milestoneStatusChoices = enumChoices(MILESTONE_STATUSES, 'milestoneStatus');
