import { NOTE_KINDS } from '@generattivi/shared';
import { enumChoices } from '../common/choices';

export const noteKindChoices = enumChoices(NOTE_KINDS, 'noteKind');
