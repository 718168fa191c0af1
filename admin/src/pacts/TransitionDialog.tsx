import {
  approvalRequirements,
  checkTransition,
  OPEN_MILESTONE_DECISIONS,
  OUTCOMES_BY_TYPE,
  TERMINATION_CODES,
  type Milestone,
  type OpenMilestoneDecision,
  type Pact,
  type PactOutcome,
  type PactTransition,
  type Role,
  type TerminationCode,
} from '@generattivi/shared';
import {
  Alert,
  AlertTitle,
  DialogContentText,
  FormControl,
  FormControlLabel,
  FormHelperText,
  FormLabel,
  MenuItem,
  Radio,
  RadioGroup,
  TextField,
} from '@mui/material';
import { useEffect, useState } from 'react';
import { useDataProvider, useGetList, usePermissions, useRefresh, useTranslate } from 'react-admin';
import { FormDialog } from '../common/FormDialog';
import type { FormDialogState } from '../common/useFormDialog';
import { useLocalized } from '../common/useLocalized';
import type { AppDataProvider } from '../providers/dataProvider';
import { openMilestonesBody, openMilestonesQuestion } from './openMilestones';
import { approvalWaitsForSignedPact } from './signedPact';
import { SignedPactPanel, useSignedPact } from './SignedPactPanel';
import { ApprovalRequirementList, TransitionRefusal } from './TransitionRefusal';

/** Milestones that count for approval (all but the cancelled ones), counted by the server. */
const useMilestoneCount = (pactId: number, enabled: boolean) => {
  const { total } = useGetList(
    'milestones',
    {
      filter: { pactId, status: ['PENDING', 'ACHIEVED', 'MISSED'] },
      pagination: { page: 1, perPage: 1 },
      sort: { field: 'id', order: 'ASC' },
    },
    { enabled },
  );
  return total;
};

/** The milestones still to do, which closing the pact decides (or cancelling cancels). */
const usePendingMilestones = (pactId: number, enabled: boolean) => {
  const { data } = useGetList<Milestone>(
    'milestones',
    {
      filter: { pactId, status: 'PENDING' },
      pagination: { page: 1, perPage: 200 },
      sort: { field: 'dueDate', order: 'ASC' },
    },
    { enabled },
  );
  return enabled ? data : [];
};

/** The outcome choices of a transition: the pact type's outcomes, or the termination codes. */
const outcomeChoices = (transition: PactTransition, pact: Pact) =>
  transition.outcome === 'PACT_OUTCOME'
    ? OUTCOMES_BY_TYPE[pact.type].map((o) => ({ id: o, name: `enums.outcome.${o}` }))
    : transition.outcome === 'TERMINATION_CODE'
      ? TERMINATION_CODES.map((c) => ({ id: c, name: `enums.terminationCode.${c}` }))
      : [];

/**
 * Asks what a transition needs (a reason when the state machine requires one, an outcome
 * or a termination code) and sends it; the server's refusal is shown in the dialog, rule by
 * rule or requirement by requirement.
 */
export const TransitionDialog = ({
  pact,
  transition,
  dialog,
}: {
  pact: Pact;
  transition: PactTransition;
  dialog: FormDialogState;
}) => {
  const translate = useTranslate();
  const localized = useLocalized();
  const refresh = useRefresh();
  const dataProvider = useDataProvider<AppDataProvider>();
  const { permissions: role } = usePermissions<Role | undefined>();
  const [reason, setReason] = useState('');
  const [outcome, setOutcome] = useState('');
  const [openMilestones, setOpenMilestones] = useState<OpenMilestoneDecision | ''>('');
  const { errors, setErrors, refusal } = dialog;
  const pending = usePendingMilestones(pact.id, transition.openMilestones !== 'KEEP');
  const question = openMilestonesQuestion(transition, pending?.length);
  // A refused submission or approval keeps its evaluation on the pact: the page shows it too.
  useEffect(() => {
    if (refusal?.kind === 'eligibility') refresh();
  }, [refusal, refresh]);

  const approving = transition.action === 'APPROVE';
  const milestoneCount = useMilestoneCount(pact.id, approving);
  const signedPact = useSignedPact(pact.id, approving);
  // The server found no signed pact after all (deleted meanwhile): read it again.
  const { refetch: refetchSignedPact } = signedPact;
  useEffect(() => {
    if (refusal?.kind === 'signedPact') void refetchSignedPact();
  }, [refusal, refetchSignedPact]);
  const unmet =
    approving && milestoneCount !== undefined
      ? approvalRequirements({ ...pact, milestoneCount })
      : [];
  const outcomes = outcomeChoices(transition, pact);
  const label = localized(transition.label);
  const asksReason = transition.reasonRequired || transition.action === 'COMPLETE';

  const submit = async () => {
    // The shared state machine says what is missing before asking the server.
    if (role) {
      const check = checkTransition({
        type: pact.type,
        from: pact.status,
        to: transition.to,
        role,
        reason,
        outcome: outcome || null,
        pendingMilestones: pending,
        openMilestones: openMilestones || null,
      });
      if (!check.ok && check.code.startsWith('OPEN_MILESTONES')) {
        setErrors({ openMilestones: translate('app.transitions.open_milestones_choose') });
        return;
      }
      if (!check.ok && (check.code === 'REASON_REQUIRED' || check.code.startsWith('OUTCOME'))) {
        const field = check.code === 'REASON_REQUIRED' ? 'reason' : 'outcome';
        setErrors({ [field]: localized(check.messages) });
        return;
      }
    }
    await dialog.send(
      () =>
        dataProvider.transitionPact(pact.id, {
          to: transition.to,
          version: pact.version,
          ...(reason.trim() ? { reason: reason.trim() } : {}),
          ...(outcome ? { outcome: outcome as PactOutcome | TerminationCode } : {}),
          ...openMilestonesBody(question, openMilestones),
        }),
      'app.transitions.done',
      { reference: pact.reference, status: translate(`enums.pactStatus.${transition.to}`) },
    );
  };

  return (
    <FormDialog
      dialog={dialog}
      title={`${label} — ${pact.reference}`}
      onSubmit={submit}
      submitLabel={label}
      submitDisabled={approving && approvalWaitsForSignedPact(signedPact.state)}
      submitColor={
        transition.to === 'CANCELLED' || transition.to === 'TERMINATED' ? 'error' : 'primary'
      }
      refusalNotice={
        // A refusal for the missing signed pact goes once the scan is uploaded.
        refusal &&
        refusal.kind !== 'fields' &&
        !(refusal.kind === 'signedPact' && signedPact.state.status === 'present') ? (
          <TransitionRefusal
            refusal={refusal}
            pact={pact}
            milestoneCount={milestoneCount}
            onReload={dialog.close}
          />
        ) : null
      }
    >
      <DialogContentText>
        {translate(`app.transitions.explain.${transition.action}`, {
          status: translate(`enums.pactStatus.${transition.to}`),
        })}
      </DialogContentText>
      {approving ? (
        <SignedPactPanel
          pact={pact}
          state={signedPact.state}
          onUploaded={() => void refetchSignedPact()}
        />
      ) : null}
      {approving && unmet.length > 0 && !refusal ? (
        <Alert severity="warning">
          <AlertTitle>{translate('app.transitions.before_approval')}</AlertTitle>
          <ApprovalRequirementList unmet={unmet} />
        </Alert>
      ) : null}
      {outcomes.length > 0 ? (
        <TextField
          select
          required
          label={translate(
            transition.outcome === 'PACT_OUTCOME'
              ? 'resources.pacts.fields.outcome'
              : 'app.transitions.termination_code',
          )}
          value={outcome}
          onChange={(e) => setOutcome(e.target.value)}
          error={!!errors.outcome}
          helperText={errors.outcome}
        >
          {outcomes.map((choice) => (
            <MenuItem key={choice.id} value={choice.id}>
              {translate(choice.name)}
            </MenuItem>
          ))}
        </TextField>
      ) : null}
      {question === 'DECIDE' && pending ? (
        <FormControl error={!!errors.openMilestones} required>
          <FormLabel id="open-milestones-label">
            {translate('app.transitions.open_milestones', { smart_count: pending.length })}
          </FormLabel>
          <FormHelperText error={false} sx={{ mx: 0 }}>
            {pending.map((m) => m.title).join(' · ')}
          </FormHelperText>
          <RadioGroup
            row
            aria-labelledby="open-milestones-label"
            name="openMilestones"
            value={openMilestones}
            onChange={(e) => setOpenMilestones(e.target.value as OpenMilestoneDecision)}
          >
            {OPEN_MILESTONE_DECISIONS.map((d) => (
              <FormControlLabel
                key={d}
                value={d}
                control={<Radio />}
                label={translate(`app.transitions.open_milestones_as.${d}`, {
                  smart_count: pending.length,
                })}
              />
            ))}
          </RadioGroup>
          {errors.openMilestones ? (
            <FormHelperText sx={{ mx: 0 }}>{errors.openMilestones}</FormHelperText>
          ) : null}
        </FormControl>
      ) : null}
      {question === 'CANCEL' && pending ? (
        <DialogContentText>
          {translate('app.transitions.open_milestones_cancelled', {
            smart_count: pending.length,
          })}
        </DialogContentText>
      ) : null}
      {asksReason ? (
        <TextField
          label={translate(
            transition.reasonRequired ? 'app.transitions.reason' : 'app.transitions.closing_note',
          )}
          required={transition.reasonRequired}
          multiline
          minRows={3}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          error={!!errors.reason}
          helperText={errors.reason}
        />
      ) : null}
    </FormDialog>
  );
};
