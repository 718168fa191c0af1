import {
  ELIGIBILITY_RULE_LABELS,
  type EligibilityCheck,
  type LocalizedText,
} from '@generattivi/shared';
import CancelIcon from '@mui/icons-material/Cancel';
import CheckCircleIcon from '@mui/icons-material/CheckCircle';
import { Box, List, ListItem, ListItemIcon, ListItemText } from '@mui/material';
import { useTranslate } from 'react-admin';
import { useLocalized } from '../common/useLocalized';
import { visuallyHidden } from '../common/visuallyHidden';

/** Each eligibility rule with ✓ or ✗, its name and why, in the language on screen. */
export const EligibilityChecks = ({
  checks,
  dense = false,
}: {
  checks: readonly EligibilityCheck[];
  dense?: boolean;
}) => {
  const localized = useLocalized();
  const translate = useTranslate();
  return (
    <List dense={dense} disablePadding>
      {checks.map((check) => {
        const label: LocalizedText | undefined = ELIGIBILITY_RULE_LABELS[check.rule];
        const outcome = translate(
          check.passed ? 'app.eligibility.passed' : 'app.eligibility.failed',
        );
        return (
          <ListItem key={check.rule} disableGutters alignItems="flex-start" data-rule={check.rule}>
            <ListItemIcon sx={{ minWidth: 36, mt: 0.5 }}>
              {check.passed ? (
                <CheckCircleIcon sx={{ color: '#1b5e20' }} aria-hidden />
              ) : (
                <CancelIcon sx={{ color: '#b71c1c' }} aria-hidden />
              )}
            </ListItemIcon>
            <ListItemText
              primary={
                <>
                  <Box component="span" aria-hidden>
                    {check.passed ? '✓ ' : '✗ '}
                  </Box>
                  <Box component="span" sx={visuallyHidden}>
                    {outcome}:{' '}
                  </Box>
                  {label ? localized(label) : check.rule}
                </>
              }
              secondary={check.messages ? localized(check.messages) : check.message}
              slotProps={{
                primary: { fontWeight: 600 },
                secondary: { color: 'text.primary' },
              }}
            />
          </ListItem>
        );
      })}
    </List>
  );
};
