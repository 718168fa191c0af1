import {
  allowedTransitions,
  type Pact,
  type PactAction,
  type PactTransition,
  type Role,
} from '@generattivi/shared';
import type { ButtonProps } from '@mui/material';
import { usePermissions, useRecordContext } from 'react-admin';
import { DialogButton } from '../common/FormDialog';
import { useFormDialog } from '../common/useFormDialog';
import { useLocalized } from '../common/useLocalized';
import { TransitionDialog } from './TransitionDialog';

/** The tone of a transition button: the ones that close a pact for good stand out. */
const COLOR: Partial<Record<PactAction, ButtonProps['color']>> = {
  APPROVE: 'success',
  CANCEL: 'error',
  TERMINATE: 'error',
};

const TransitionButton = ({
  pact,
  transition,
  size,
}: {
  pact: Pact;
  transition: PactTransition;
  size: ButtonProps['size'];
}) => {
  const dialog = useFormDialog();
  const localized = useLocalized();
  const main = transition.action === 'APPROVE' || transition.action === 'SUBMIT';
  return (
    <>
      <DialogButton
        dialog={dialog}
        variant={main ? 'contained' : 'outlined'}
        color={COLOR[transition.action] ?? 'primary'}
        size={size}
        data-action={transition.action}
      >
        {localized(transition.label)}
      </DialogButton>
      {dialog.open ? (
        <TransitionDialog pact={pact} transition={transition} dialog={dialog} />
      ) : null}
    </>
  );
};

/**
 * One button per transition the shared state machine allows for this status and role
 * (`allowedTransitions`), labelled from its table; `only` narrows them (the social
 * worker's home shows Approve and Send back).
 */
export const TransitionButtons = ({
  pact: pactProp,
  only,
  size = 'medium',
}: {
  pact?: Pact;
  only?: readonly PactAction[];
  size?: ButtonProps['size'];
}) => {
  const recordPact = useRecordContext<Pact>();
  const pact = pactProp ?? recordPact;
  const { permissions: role } = usePermissions<Role | undefined>();
  if (!pact || !role) return null;
  const transitions = allowedTransitions(pact.status, role).filter(
    (t) => !only || only.includes(t.action),
  );
  return (
    <>
      {transitions.map((t) => (
        <TransitionButton key={t.action} pact={pact} transition={t} size={size} />
      ))}
    </>
  );
};
