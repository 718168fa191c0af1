import type { Pact } from '@generattivi/shared';
import PrintIcon from '@mui/icons-material/Print';
import { Button } from '@mui/material';
import { useState } from 'react';
import { useAuthProvider, useCanAccess, useNotify, useTranslate } from 'react-admin';
import type { AppAuthProvider } from '../providers/authProvider';

/** Saves the file the browser received under `name`, as a download. */
function save(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/**
 * Downloads the pact as the PDF to sign (`GET /api/pacts/:id/document`), for the roles the
 * permission table lets print it (`pacts.print`).
 */
export const PrintPactButton = ({ pact }: { pact: Pact }) => {
  const translate = useTranslate();
  const notify = useNotify();
  const authProvider = useAuthProvider<AppAuthProvider>();
  const { canAccess } = useCanAccess({ resource: 'pacts', action: 'print', record: pact });
  const [busy, setBusy] = useState(false);
  if (!canAccess) return null;

  const print = async () => {
    setBusy(true);
    try {
      const token = authProvider?.getToken();
      const res = await fetch(`/api/pacts/${pact.id}/document`, {
        headers: token ? { Authorization: `Bearer ${token}` } : {},
      });
      if (!res.ok) throw new Error(String(res.status));
      save(await res.blob(), `${pact.reference}.pdf`);
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
