import {
  evaluateEligibility,
  OPEN_PACT_STATUSES,
  type Beneficiary,
  type Household,
  type PactType,
  type Territory,
} from '@generattivi/shared';
import { Alert, Card, CardContent, Typography } from '@mui/material';
import { useWatch } from 'react-hook-form';
import { useGetList, useGetOne, useTranslate } from 'react-admin';
import type { EligibilitySettings } from '../providers/dataProvider';
import { EligibilityChecks } from './EligibilityChecks';

/** What the preview reads from the form. */
interface PactDraft {
  type?: PactType;
  territoryId?: number | null;
  beneficiaryId?: number | null;
  householdId?: number | null;
  startDate?: string | null;
}

/**
 * The eligibility rules of the shared package run in the browser as the form is filled:
 * the chosen person or household, the count of their other open pacts of that type (the
 * server counts them), the pact's territory and start date, with the ISEE threshold the
 * server is configured with. The server re-runs the same rules when the pact is saved,
 * submitted and approved.
 */
export const EligibilityPreview = () => {
  const translate = useTranslate();
  const [type, territoryId, beneficiaryId, householdId, startDate] = useWatch<PactDraft>({
    name: ['type', 'territoryId', 'beneficiaryId', 'householdId', 'startDate'],
  }) as [PactType | undefined, number | null, number | null, number | null, string | null];
  const autonomy = type === 'AUTONOMY';
  const subjectId = autonomy ? beneficiaryId : householdId;

  const { data: beneficiary } = useGetOne<Beneficiary>(
    'beneficiaries',
    { id: beneficiaryId ?? 0 },
    { enabled: autonomy && !!beneficiaryId },
  );
  const { data: household } = useGetOne<Household>(
    'households',
    { id: householdId ?? 0 },
    { enabled: type === 'INCLUSION' && !!householdId },
  );
  const { total: otherOpenPacts } = useGetList(
    'pacts',
    {
      filter: {
        [autonomy ? 'beneficiaryId' : 'householdId']: subjectId,
        type,
        status: OPEN_PACT_STATUSES,
      },
      pagination: { page: 1, perPage: 1 },
      sort: { field: 'id', order: 'ASC' },
    },
    { enabled: !!type && !!subjectId },
  );
  // The threshold this server applies (ISEE_THRESHOLD_EUR), not the rules' default.
  const { data: settings } = useGetOne<EligibilitySettings>(
    'settings',
    { id: 'eligibility' },
    { staleTime: 10 * 60_000 },
  );
  const { data: territories = [] } = useGetList<Territory>('territories', {
    pagination: { page: 1, perPage: 100 },
    sort: { field: 'id', order: 'ASC' },
  });

  const subject = autonomy ? beneficiary : household;
  const ready = !!type && !!subjectId && !!subject && otherOpenPacts !== undefined && !!settings;
  const evaluation = ready
    ? evaluateEligibility(
        {
          type,
          territoryId,
          startDate,
          beneficiary: autonomy ? beneficiary : null,
          household: autonomy ? null : household,
          otherOpenPacts: otherOpenPacts ?? 0,
          territoryNames: Object.fromEntries(territories.map((t) => [t.id, t.name])),
        },
        { iseeThresholdEur: settings.iseeThresholdEur },
      )
    : null;
  const openPactFails = evaluation?.checks.some((c) => c.rule === 'ONE_OPEN_PACT' && !c.passed);

  return (
    <Card
      variant="outlined"
      component="section"
      aria-labelledby="eligibility-preview-title"
      sx={{ my: 2, width: '100%', maxWidth: 720 }}
    >
      <CardContent>
        <Typography id="eligibility-preview-title" variant="h6" component="h2" gutterBottom>
          {translate('app.eligibility.preview_title')}
        </Typography>
        <div role="status" aria-live="polite">
          {!type ? (
            <Typography>{translate('app.eligibility.choose_type')}</Typography>
          ) : !subjectId ? (
            <Typography>
              {translate(
                autonomy
                  ? 'app.eligibility.choose_beneficiary'
                  : 'app.eligibility.choose_household',
              )}
            </Typography>
          ) : !evaluation ? (
            <Typography>{translate('app.eligibility.checking')}</Typography>
          ) : (
            <Alert
              severity={evaluation.eligible ? 'success' : 'error'}
              sx={{ mb: 1 }}
              data-eligible={evaluation.eligible}
            >
              {translate(
                evaluation.eligible
                  ? 'app.eligibility.preview_eligible'
                  : openPactFails
                    ? 'app.eligibility.preview_open_pact'
                    : 'app.eligibility.preview_not_eligible',
              )}
            </Alert>
          )}
        </div>
        {evaluation ? <EligibilityChecks checks={evaluation.checks} dense /> : null}
      </CardContent>
    </Card>
  );
};
