import type { AppMessages } from '../i18n/it';

/** Select choices for a closed vocabulary, labelled by `enums.<group>.<value>` (react-admin translates them). */
export const enumChoices = (values: readonly string[], group: keyof AppMessages['enums']) =>
  values.map((id) => ({ id, name: `enums.${group}.${id}` }));
