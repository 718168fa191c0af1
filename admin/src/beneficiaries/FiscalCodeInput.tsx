import type { Sex } from '@generattivi/shared';
import { useEffect, useRef } from 'react';
import { useFormContext, useWatch } from 'react-hook-form';
import { required, TextInput } from 'react-admin';
import { useLocalized } from '../common/useLocalized';
import { fiscalCodeFacts, fiscalCodeProblem } from './fiscalCodeCheck';

/** Stored upper-case (DOMAIN.md). */
const toUpperCase = (value: string) => value.toUpperCase() || null;

type Facts = { birthDate?: string; sex?: Sex };

/**
 * The fiscal code, checked by the shared validator as it is typed (the message stands
 * beside the field, in the language on screen); birth date and sex are filled in from the
 * code while they are empty, or still hold what the code said before.
 */
export const FiscalCodeInput = () => {
  const localized = useLocalized();
  const { getValues, setValue, trigger, getFieldState } = useFormContext();
  const [fiscalCode, birthDate, sex] = useWatch({ name: ['fiscalCode', 'birthDate', 'sex'] }) as [
    string | null,
    string | null,
    Sex | null,
  ];
  const filledIn = useRef<Facts>({});

  useEffect(() => {
    const facts = fiscalCodeFacts(fiscalCode);
    if (!facts) return;
    for (const key of ['birthDate', 'sex'] as const) {
      const current = getValues(key) as string | null | undefined;
      if (current && current !== filledIn.current[key]) continue; // typed by the user
      if (current !== facts[key]) setValue(key, facts[key], { shouldDirty: true });
      filledIn.current = { ...filledIn.current, [key]: facts[key] };
    }
  }, [fiscalCode, getValues, setValue]);

  // The code is checked against birth date and sex: say it again when they change.
  useEffect(() => {
    if (getFieldState('fiscalCode').isDirty) void trigger('fiscalCode');
  }, [birthDate, sex, trigger, getFieldState]);

  const matchesPerson = (value: string | null, values: Record<string, unknown>) => {
    const problem = fiscalCodeProblem(value, {
      birthDate: (values.birthDate as string | null) ?? null,
      sex: (values.sex as Sex | null) ?? null,
    });
    return problem ? localized(problem) : undefined;
  };

  return (
    <TextInput
      source="fiscalCode"
      parse={toUpperCase}
      validate={[required(), matchesPerson]}
      helperText="app.beneficiaries.fiscal_code_help"
      autoComplete="off"
      slotProps={{ htmlInput: { maxLength: 16, spellCheck: false, autoCapitalize: 'characters' } }}
    />
  );
};
