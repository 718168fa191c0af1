import type { MailOutboxRecord } from '@generattivi/shared';
import { FunctionField, useTranslate } from 'react-admin';

/** What a message is for, in words (a kind the admin does not know shows as it is). */
export const MailKindField = ({ label }: { source?: string; label?: string }) => {
  const translate = useTranslate();
  return (
    <FunctionField<MailOutboxRecord>
      label={label}
      source="kind"
      render={(m) => translate(`enums.mailKind.${m.kind}`, { _: m.kind })}
    />
  );
};
