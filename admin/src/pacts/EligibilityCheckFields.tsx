import {
  ELIGIBILITY_RULE_LABELS,
  type EligibilityCheck,
  type LocalizedText,
} from '@generattivi/shared';
import { useLocaleState, useRecordContext } from 'react-admin';

const useLocalized = () => {
  const [locale] = useLocaleState();
  return (text: LocalizedText) => (locale === 'en' ? text.en : text.it);
};

/** The short name of an eligibility rule, in the language on screen. */
export const RuleField = () => {
  const check = useRecordContext<EligibilityCheck>();
  const localized = useLocalized();
  if (!check) return null;
  const label: LocalizedText | undefined = ELIGIBILITY_RULE_LABELS[check.rule];
  return <>{label ? localized(label) : check.rule}</>;
};

/** Why a rule passed or failed, in the language on screen. */
export const CheckMessageField = () => {
  const check = useRecordContext<EligibilityCheck>();
  const localized = useLocalized();
  if (!check) return null;
  return <>{check.messages ? localized(check.messages) : check.message}</>;
};
