import { Button } from '@mui/material';
import { Link, useCreatePath, useTranslate } from 'react-admin';
import { AuditChainStatus } from '../audit-events/AuditChainStatus';
import { HomeCard } from './HomeCard';

/** Whether the audit hash chain is intact, recomputed by the server (`/audit-events/verify`). */
export const AuditChainWidget = () => {
  const translate = useTranslate();
  const createPath = useCreatePath();
  return (
    <HomeCard
      title={translate('app.audit.chain_title')}
      action={
        <Button component={Link} to={createPath({ resource: 'audit-events', type: 'list' })}>
          {translate('app.dashboard.open_audit')}
        </Button>
      }
    >
      <AuditChainStatus />
    </HomeCard>
  );
};
