import type { Pact } from '@generattivi/shared';
import ExpandMoreIcon from '@mui/icons-material/ExpandMore';
import {
  Accordion,
  AccordionDetails,
  AccordionSummary,
  Alert,
  AlertTitle,
  Card,
  CardContent,
  Typography,
} from '@mui/material';
import { useRecordContext, useTranslate } from 'react-admin';
import { formatDate, formatInstant } from '../common/format';
import { EligibilityChecks } from './EligibilityChecks';

/** Pacts still being designed or awaiting approval: their eligibility is what matters now. */
const IN_DESIGN = new Set<Pact['status']>(['DRAFT', 'SUBMITTED']);

const Evaluation = ({ pact }: { pact: Pact }) => {
  const translate = useTranslate();
  const evaluation = pact.eligibility;
  if (!evaluation) return <Typography>{translate('app.eligibility.not_run')}</Typography>;
  return (
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
  );
};

/**
 * The evaluation last run on the pact: every rule ✓/✗ with its message. Open on a draft or
 * submitted pact; once approved, collapsed under its heading (and its outcome), to be opened.
 */
export const EligibilityPanel = () => {
  const pact = useRecordContext<Pact>();
  const translate = useTranslate();
  if (!pact) return null;
  const title = translate('resources.pacts.fields.eligibility');
  if (IN_DESIGN.has(pact.status)) {
    return (
      <Card component="section" aria-labelledby="eligibility-title" data-eligibility="open">
        <CardContent>
          <Typography id="eligibility-title" variant="h6" component="h2" gutterBottom>
            {title}
          </Typography>
          <Evaluation pact={pact} />
        </CardContent>
      </Card>
    );
  }
  const evaluation = pact.eligibility;
  return (
    <Accordion
      data-eligibility="collapsible"
      disableGutters
      slotProps={{ heading: { component: 'h2' }, transition: { unmountOnExit: true } }}
    >
      <AccordionSummary
        id="eligibility-title"
        aria-controls="eligibility-details"
        expandIcon={<ExpandMoreIcon />}
        sx={{ minHeight: 56 }}
      >
        <Typography variant="h6" component="span" sx={{ mr: 1 }}>
          {title}
        </Typography>
        {evaluation ? (
          <Typography component="span" color="text.secondary" sx={{ alignSelf: 'center' }}>
            {translate(
              evaluation.eligible ? 'app.eligibility.eligible' : 'app.eligibility.not_eligible',
            )}
          </Typography>
        ) : null}
      </AccordionSummary>
      <AccordionDetails id="eligibility-details">
        <Evaluation pact={pact} />
      </AccordionDetails>
    </Accordion>
  );
};
