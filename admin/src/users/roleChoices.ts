import { ROLES } from '@generattivi/shared';
import { enumChoices } from '../common/choices';

export const roleChoices = enumChoices(ROLES, 'role');
