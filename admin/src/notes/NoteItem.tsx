import { Box, Chip, Stack, Typography } from '@mui/material';
import type { HTMLAttributes, ReactNode } from 'react';
import { useTranslate } from 'react-admin';
import { formatInstant } from '../common/format';

/** One note of a diary: when and its kind on a line (then `children`: who, or its state), its text. */
export const NoteItem = ({
  occurredAt,
  kind,
  body,
  children,
  ...rest
}: {
  occurredAt: string;
  kind: string;
  body: string;
  children: ReactNode;
} & HTMLAttributes<HTMLLIElement>) => {
  const translate = useTranslate();
  return (
    <Box component="li" sx={{ py: 1.5 }} {...rest}>
      <Stack direction="row" spacing={1} useFlexGap sx={{ alignItems: 'center', flexWrap: 'wrap' }}>
        <Typography variant="body2" sx={{ fontWeight: 600 }}>
          {formatInstant(occurredAt)}
        </Typography>
        <Chip size="small" variant="outlined" label={translate(`enums.noteKind.${kind}`)} />
        {children}
      </Stack>
      <Typography sx={{ mt: 0.5, whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
        {body}
      </Typography>
    </Box>
  );
};
