import {
  approvalRequirements,
  type Pact,
  type UnmetApprovalRequirement,
} from '@generattivi/shared';
import { Alert, AlertTitle, List, ListItem, ListItemText } from '@mui/material';
import { useTranslate } from 'react-admin';
import type { ServerRefusal } from '../common/serverErrors';
import { useLocalized } from '../common/useLocalized';
import { ReloadNotice, VersionConflictNotice } from '../common/VersionConflictNotice';
import { EligibilityChecks } from './EligibilityChecks';

/** What a pact still lacks to be approved, in the language on screen. */
export const ApprovalRequirementList = ({
  unmet,
}: {
  unmet: readonly Pick<UnmetApprovalRequirement, 'field' | 'messages'>[];
}) => {
  const localized = useLocalized();
  const translate = useTranslate();
  return (
    <List dense disablePadding>
      {unmet.map((u) => (
        <ListItem key={`${u.field}-${u.messages.en}`} disableGutters>
          <ListItemText
            primary={localized(u.messages)}
            secondary={translate(`app.approval.${u.field}`, { _: '' }) || undefined}
            slotProps={{ secondary: { color: 'text.primary' } }}
          />
        </ListItem>
      ))}
    </List>
  );
};

/**
 * The server's "no" to a transition, explained: every failing eligibility rule, what the
 * pact lacks to be approved, the signed pact missing, a stale version with "Ricarica", the
 * statuses now allowed.
 */
export const TransitionRefusal = ({
  refusal,
  pact,
  milestoneCount,
  onReload,
}: {
  refusal: ServerRefusal;
  pact: Pact;
  /** Milestones not cancelled, to word the approval requirements in the user's language. */
  milestoneCount?: number;
  onReload: () => void;
}) => {
  const translate = useTranslate();
  switch (refusal.kind) {
    case 'version':
      return <VersionConflictNotice onReload={onReload} />;
    case 'eligibility':
      return (
        <Alert severity="error" role="alert">
          <AlertTitle>{translate('app.transitions.not_eligible')}</AlertTitle>
          <EligibilityChecks checks={refusal.evaluation.checks.filter((c) => !c.passed)} dense />
        </Alert>
      );
    case 'approval': {
      // The shared rule words each requirement in Italian and English; the server's English
      // text stays for anything it names that the rule does not.
      const local = approvalRequirements({
        ...pact,
        milestoneCount: milestoneCount ?? 0,
        // The server names the missing signed pact under `documents`.
        signedPactCount: 'documents' in refusal.errors ? 0 : undefined,
      });
      const unmet = Object.entries(refusal.errors).map(
        ([field, message]) =>
          local.find((u) => u.field === field) ?? {
            field: field as UnmetApprovalRequirement['field'],
            messages: { it: message, en: message },
          },
      );
      return (
        <Alert severity="error" role="alert">
          <AlertTitle>{translate('app.transitions.approval_requirements')}</AlertTitle>
          <ApprovalRequirementList unmet={unmet} />
        </Alert>
      );
    }
    case 'signedPact':
      // The server's own wording of its code, under the panel that offers the upload.
      return (
        <Alert severity="error" role="alert">
          <AlertTitle>{translate('app.signed_pact.missing_title')}</AlertTitle>
          {refusal.message}
        </Alert>
      );
    case 'transition':
      return (
        <ReloadNotice onReload={onReload}>
          <AlertTitle>{translate('app.transitions.status_changed')}</AlertTitle>
          {refusal.allowed.length > 0
            ? translate('app.transitions.now_allowed', {
                statuses: refusal.allowed.map((s) => translate(`enums.pactStatus.${s}`)).join(', '),
              })
            : translate('app.transitions.now_closed')}
        </ReloadNotice>
      );
    default:
      return (
        <Alert severity="error" role="alert">
          {refusal.message}
        </Alert>
      );
  }
};
