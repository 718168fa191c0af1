import type { Pact } from '@generattivi/shared';
import PrintIcon from '@mui/icons-material/Print';
import { Button } from '@mui/material';
import { useState } from 'react';
import { useCanAccess, useDataProvider, useNotify, useTranslate } from 'react-admin';
import { saveBlob } from '../common/saveBlob';
import type { AppDataProvider } from '../providers/dataProvider';

/**
 * Downloads the pact as the PDF to sign (`GET /api/pacts/:id/document`), for the roles the
 * permission table lets print it (`pacts.print`).
 */
export const PrintPactButton = ({ pact }: { pact: Pact }) => {
  const translate = useTranslate();
  const notify = useNotify();
  const dataProvider = useDataProvider<AppDataProvider>();
  const { canAccess } = useCanAccess({ resource: 'pacts', action: 'print', record: pact });
  const [busy, setBusy] = useState(false);
  if (!canAccess) return null;

  const print = async () => {
    setBusy(true);
    try {
      saveBlob(await dataProvider.getPactDocument(pact.id), `${pact.reference}.pdf`);
    } catch {
      notify('app.pacts.print_failed', { type: 'error' });
    } finally {
      setBusy(false);
    }
  };

  return (
    <Button
      variant="outlined"
      startIcon={<PrintIcon />}
      disabled={busy}
      onClick={() => void print()}
    >
      {translate('app.pacts.print')}
    </Button>
  );
};
