import { Alert, Button, Typography } from '@mui/material';
import { useCallback, useEffect, useState } from 'react';
import { PROJECT_TIME_ZONE } from '@generattivi/shared';
import { useDataProvider, useTranslate } from 'react-admin';
import type { AppDataProvider, AuditChainVerification } from '../providers/dataProvider';

type ChainState =
  | { status: 'checking' }
  | { status: 'done'; result: AuditChainVerification }
  | { status: 'failed'; message: string };

/** Asks the server to recompute the audit hash chain and says whether it is intact. */
export const AuditChainStatus = () => {
  const dataProvider = useDataProvider<AppDataProvider>();
  const translate = useTranslate();
  const [state, setState] = useState<ChainState>({ status: 'checking' });

  const verify = useCallback(() => {
    setState({ status: 'checking' });
    dataProvider.verifyAuditChain().then(
      (result) => setState({ status: 'done', result }),
      (error: unknown) =>
        setState({
          status: 'failed',
          message: error instanceof Error ? error.message : String(error),
        }),
    );
  }, [dataProvider]);

  useEffect(verify, [verify]);

  const again = (
    <Button color="inherit" size="small" onClick={verify} disabled={state.status === 'checking'}>
      {translate('app.audit.verify_again')}
    </Button>
  );

  if (state.status === 'checking') {
    return <Alert severity="info">{translate('app.audit.chain_checking')}</Alert>;
  }
  if (state.status === 'failed') {
    return (
      <Alert severity="warning" action={again}>
        {translate('app.audit.chain_error', { message: state.message })}
      </Alert>
    );
  }
  const { valid, reason, checked, firstInvalidId, head } = state.result;
  return (
    <Alert severity={valid ? 'success' : 'error'} action={again} role={valid ? 'status' : 'alert'}>
      {valid
        ? translate('app.audit.chain_valid', { smart_count: checked })
        : translate('app.audit.chain_invalid', { id: firstInvalidId ?? '?', checked })}
      {valid && head ? (
        <Typography variant="body2" data-testid="audit-chain-head" sx={{ mt: 0.5 }}>
          {translate('app.audit.chain_head', {
            id: head.id,
            at: new Date(head.at).toLocaleString('it-IT', { timeZone: PROJECT_TIME_ZONE }),
            hash: head.hash.slice(0, 16),
          })}
        </Typography>
      ) : null}
      {!valid && reason ? (
        <Typography variant="body2" data-testid="audit-chain-reason" sx={{ mt: 0.5 }}>
          {translate(`app.audit.chain_reasons.${reason}`, { _: reason })}
        </Typography>
      ) : null}
    </Alert>
  );
};
