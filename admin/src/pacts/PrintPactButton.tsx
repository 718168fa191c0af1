import type { Pact } from '@generattivi/shared';
import PrintIcon from '@mui/icons-material/Print';
import { Button } from '@mui/material';
import { useCanAccess, useDataProvider, useTranslate } from 'react-admin';
import { useDownload } from '../common/useDownload';
import type { AppDataProvider } from '../providers/dataProvider';

/**
 * Downloads the pact as the PDF to sign (`GET /api/pacts/:id/document`), for the roles the
 * permission table lets print it (`pacts.print`).
 */
export const PrintPactButton = ({ pact }: { pact: Pact }) => {
  const translate = useTranslate();
  const dataProvider = useDataProvider<AppDataProvider>();
  const { canAccess } = useCanAccess({ resource: 'pacts', action: 'print', record: pact });
  const { busy, download } = useDownload('app.pacts.print_failed');
  if (!canAccess) return null;

  const print = () =>
    download(() => dataProvider.getPactDocument(pact.id), `${pact.reference}.pdf`);

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
