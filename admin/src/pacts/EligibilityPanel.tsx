import type { Pact } from '@generattivi/shared';
import { Alert, AlertTitle, Card, CardContent, Typography } from '@mui/material';
import { useRecordContext, useTranslate } from 'react-admin';
import { formatDate, formatInstant } from '../common/format';
import { EligibilityChecks } from './EligibilityChecks';

/** The evaluation last run on the pact: every rule ✓/✗ with its message. */
export const EligibilityPanel = () => {
  const pact = useRecordContext<Pact>();
  const translate = useTranslate();
  if (!pact) return null;
  const evaluation = pact.eligibility;
  return (
    <Card component="section" aria-labelledby="eligibility-title">
      <CardContent>
        <Typography id="eligibility-title" variant="h6" component="h2" gutterBottom>
          {translate('resources.pacts.fields.eligibility')}
        </Typography>
        {!evaluation ? (
          <Typography>{translate('app.eligibility.not_run')}</Typography>
        ) : (
          <>
            <Alert severity={evaluation.eligible ? 'success' : 'error'} sx={{ mb: 1 }}>
              <AlertTitle sx={{ mb: 0 }}>
                {translate(
                  evaluation.eligible ? 'app.eligibility.eligible' : 'app.eligibility.not_eligible',
                )}
              </AlertTitle>
            </Alert>
            <EligibilityChecks checks={evaluation.checks} />
            <Typography variant="body2" color="text.secondary">
              {translate('app.eligibility.footer', {
                at: formatInstant(evaluation.evaluatedAt),
                date: formatDate(evaluation.referenceDate),
                version: evaluation.ruleSetVersion,
              })}
            </Typography>
          </>
        )}
      </CardContent>
    </Card>
  );
};
