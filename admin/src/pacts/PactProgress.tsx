import { Box, LinearProgress, Typography } from '@mui/material';
import { useTranslate } from 'react-admin';

/** The pact's progress (achieved milestones over those not cancelled) as a labelled bar. */
export const PactProgress = ({ value, dense = false }: { value: number; dense?: boolean }) => {
  const translate = useTranslate();
  const percent = Math.max(0, Math.min(100, Math.round(value ?? 0)));
  const label = translate('app.pacts.progress_label', { percent });
  return (
    <Box sx={{ display: 'flex', alignItems: 'center', gap: 1, minWidth: dense ? 120 : 200 }}>
      <LinearProgress
        variant="determinate"
        value={percent}
        aria-label={label}
        sx={{ flexGrow: 1, height: dense ? 8 : 12, borderRadius: 6 }}
      />
      <Typography variant="body2" sx={{ minWidth: 40, textAlign: 'right' }} aria-hidden>
        {percent}%
      </Typography>
    </Box>
  );
};
