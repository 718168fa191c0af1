import type { Pact, PactStatus } from '@generattivi/shared';
import { Chip } from '@mui/material';
import { useRecordContext, useTranslate } from 'react-admin';
import { STATUS_COLORS } from './statusColors';

/** A pact status as a coloured chip, "Attivo", "Sospeso"… */
export const StatusChip = ({
  status,
  size = 'small',
}: {
  status: PactStatus;
  size?: 'small' | 'medium';
}) => {
  const translate = useTranslate();
  const { background, text } = STATUS_COLORS[status];
  return (
    <Chip
      size={size}
      label={translate(`enums.pactStatus.${status}`)}
      sx={{
        bgcolor: background,
        color: text,
        fontWeight: 600,
        border: status === 'CANCELLED' ? `1px solid ${text}` : undefined,
      }}
    />
  );
};

/** The status of the pact in the record context, for lists and show pages. */
export const StatusField = (_props: { source?: string; label?: string }) => {
  const pact = useRecordContext<Pact>();
  return pact ? <StatusChip status={pact.status} /> : null;
};
