import {
  decodeFiscalCode,
  FISCAL_CODE_LENGTH,
  validateFiscalCode,
  type LocalizedText,
  type Sex,
} from '@generattivi/shared';

const capitalize = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/**
 * What the shared validator says of a fiscal code, as one sentence in both languages; null
 * when it is valid or empty. While it is being typed (`typing`) a code shorter than 16
 * characters is not yet an error.
 */
export function fiscalCodeProblem(
  code: string | null | undefined,
  person: { birthDate?: string | null; sex?: Sex | null },
  { typing = false }: { typing?: boolean } = {},
): LocalizedText | null {
  const typed = (code ?? '').trim();
  if (!typed) return null;
  if (typing && typed.length < FISCAL_CODE_LENGTH) return null;
  const result = validateFiscalCode(typed, person);
  if (result.valid) return null;
  return {
    it: capitalize(result.errors.map((e) => e.message.it).join('; ')),
    en: capitalize(result.errors.map((e) => e.message.en).join('; ')),
  };
}

/** Birth date and sex read from the code (null while it cannot tell). */
export function fiscalCodeFacts(code: string | null | undefined, today?: string) {
  const decoded = decodeFiscalCode(code ?? '', today ? { today } : {});
  return decoded ? { birthDate: decoded.birthDate, sex: decoded.sex } : null;
}
