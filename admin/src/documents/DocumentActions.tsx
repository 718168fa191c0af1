import type { DocumentRecord, Role } from '@generattivi/shared';
import DownloadIcon from '@mui/icons-material/Download';
import VisibilityIcon from '@mui/icons-material/Visibility';
import {
  Box,
  Button,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  Stack,
  useMediaQuery,
  type Theme,
} from '@mui/material';
import { useEffect, useId, useState } from 'react';
import {
  DeleteWithConfirmButton,
  useDataProvider,
  useNotify,
  usePermissions,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import { saveBlob } from '../common/saveBlob';
import type { AppDataProvider } from '../providers/dataProvider';
import { canDeleteDocument, canPreview, canReadContent } from './documentRules';

const actionSx = { minHeight: 48, whiteSpace: 'nowrap' } as const;

/** The document's bytes, shown in a dialog: an image as such, a PDF in the browser's viewer. */
const PreviewDialog = ({
  document,
  blob,
  onClose,
}: {
  document: DocumentRecord;
  blob: Blob;
  onClose: () => void;
}) => {
  const translate = useTranslate();
  const id = useId();
  const phone = useMediaQuery((theme: Theme) => theme.breakpoints.down('sm'));
  const [url, setUrl] = useState<string | null>(null);
  useEffect(() => {
    const objectUrl = URL.createObjectURL(blob);
    setUrl(objectUrl);
    return () => URL.revokeObjectURL(objectUrl);
  }, [blob]);
  const title = translate('app.documents.preview_named', { name: document.fileName });
  return (
    <Dialog
      open
      onClose={onClose}
      fullWidth
      maxWidth="lg"
      fullScreen={phone}
      aria-labelledby={`${id}-title`}
    >
      <DialogTitle id={`${id}-title`} sx={{ overflowWrap: 'anywhere' }}>
        {title}
      </DialogTitle>
      <DialogContent>
        {url ? (
          document.mediaType === 'application/pdf' ? (
            <Box
              component="iframe"
              src={url}
              title={title}
              sx={{ width: '100%', height: '70vh', border: 0 }}
            />
          ) : (
            <Box
              component="img"
              src={url}
              alt={document.fileName}
              sx={{ display: 'block', maxWidth: '100%', maxHeight: '70vh', mx: 'auto' }}
            />
          )
        ) : null}
      </DialogContent>
      <DialogActions sx={{ px: 3, pb: 2 }}>
        <Button onClick={onClose} size="large" autoFocus>
          {translate('app.documents.close')}
        </Button>
      </DialogActions>
    </Dialog>
  );
};

/**
 * A document's buttons, for the caller who may use them: "Scarica" and "Anteprima" (not for a
 * manager, who reads the metadata only), "Elimina" for who writes its owner.
 */
export const DocumentActions = () => {
  const document = useRecordContext<DocumentRecord>();
  const { permissions: role } = usePermissions<Role | undefined>();
  const translate = useTranslate();
  const notify = useNotify();
  const dataProvider = useDataProvider<AppDataProvider>();
  const [busy, setBusy] = useState(false);
  const [preview, setPreview] = useState<Blob | null>(null);
  if (!document) return null;

  const content = async (): Promise<Blob | null> => {
    setBusy(true);
    try {
      return await dataProvider.getDocumentContent(document.id);
    } catch {
      notify('app.documents.download_failed', { type: 'error' });
      return null;
    } finally {
      setBusy(false);
    }
  };
  const name = document.fileName;
  const reads = canReadContent(role);
  const deletes = canDeleteDocument(role, document.kind);
  if (!reads && !deletes) return <span>—</span>;

  return (
    <Stack direction="row" spacing={1} useFlexGap sx={{ flexWrap: 'wrap' }}>
      {reads ? (
        <Button
          size="small"
          startIcon={<DownloadIcon />}
          disabled={busy}
          aria-label={translate('app.documents.download_named', { name })}
          onClick={() =>
            void content().then((blob) => {
              if (blob) saveBlob(blob, name);
            })
          }
          sx={actionSx}
        >
          {translate('app.documents.download')}
        </Button>
      ) : null}
      {reads && canPreview(document.mediaType) ? (
        <Button
          size="small"
          startIcon={<VisibilityIcon />}
          disabled={busy}
          aria-label={translate('app.documents.preview_named', { name })}
          onClick={() => void content().then(setPreview)}
          sx={actionSx}
        >
          {translate('app.documents.preview')}
        </Button>
      ) : null}
      {deletes ? (
        <DeleteWithConfirmButton
          record={document}
          resource="documents"
          mutationMode="pessimistic"
          redirect={false}
          aria-label={translate('app.documents.delete_named', { name })}
          confirmTitle={translate('app.documents.delete_title', { name })}
          confirmContent={translate('app.documents.delete_content')}
          mutationOptions={{
            onSuccess: () => notify('app.documents.deleted', { type: 'info' }),
          }}
          sx={actionSx}
        />
      ) : null}
      {preview ? (
        <PreviewDialog document={document} blob={preview} onClose={() => setPreview(null)} />
      ) : null}
    </Stack>
  );
};
