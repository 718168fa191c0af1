import type { DocumentRecord, Pact, Role } from '@generattivi/shared';
import UploadFileIcon from '@mui/icons-material/UploadFile';
import { Alert, AlertTitle, Box, Button, Stack, Typography } from '@mui/material';
import { useId, useRef, useState, type DragEvent } from 'react';
import { useGetList, useNotify, usePermissions, useTranslate } from 'react-admin';
import { formatDay } from '../common/format';
import { ACCEPTED_FILES, uploadableKinds } from '../documents/documentRules';
import { UploadProgress, useDocumentUpload } from '../documents/useDocumentUpload';
import { PrintPactButton } from './PrintPactButton';
import { signedPactState, type SignedPactState } from './signedPact';

/**
 * The pact's signed pact, as the approve dialog needs it: the newest SIGNED_PACT document
 * of the pact (`GET /api/documents?filter={"ownerType":"pacts","ownerId":…,"kind":"SIGNED_PACT"}`).
 */
export function useSignedPact(pactId: number, enabled: boolean) {
  const { data, isPending, error, refetch } = useGetList<DocumentRecord>(
    'documents',
    {
      filter: { ownerType: 'pacts', ownerId: pactId, kind: 'SIGNED_PACT' },
      pagination: { page: 1, perPage: 1 },
      sort: { field: 'createdAt', order: 'DESC' },
    },
    { enabled },
  );
  return { state: signedPactState({ isPending, error, documents: data }), refetch };
}

/**
 * Whether the pact has its signed pact: the file and the day it was uploaded, or "Manca il
 * patto firmato" with "Stampa il patto" and the upload right there (a file picker or a file
 * dropped on the box, the kind fixed to SIGNED_PACT), its progress and refusal in words.
 */
export const SignedPactPanel = ({
  pact,
  state,
  onUploaded,
}: {
  pact: Pact;
  state: SignedPactState;
  /** Called once the scan is stored: the caller reads the signed pact again. */
  onUploaded: () => void;
}) => {
  const translate = useTranslate();
  const notify = useNotify();
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const { permissions: role } = usePermissions<Role | undefined>();
  const { upload, sending, percent, error } = useDocumentUpload();
  const [dragging, setDragging] = useState(false);

  if (state.status === 'checking') {
    return (
      <Typography variant="body2" aria-live="polite">
        {translate('app.signed_pact.checking')}
      </Typography>
    );
  }
  if (state.status === 'unknown') return null;
  if (state.status === 'present') {
    const { fileName, createdAt } = state.document;
    return (
      <Alert severity="success" role="status" data-signed-pact="present">
        <AlertTitle>{translate('app.signed_pact.present_title')}</AlertTitle>
        <Box component="span" sx={{ overflowWrap: 'anywhere' }}>
          {translate('app.signed_pact.present', { name: fileName, date: formatDay(createdAt) })}
        </Box>
      </Alert>
    );
  }

  const uploads = uploadableKinds(role, 'pacts').includes('SIGNED_PACT');
  const send = async (file: File | undefined) => {
    if (!file || sending) return;
    const { document } = await upload({
      ownerType: 'pacts',
      ownerId: pact.id,
      kind: 'SIGNED_PACT',
      file,
    });
    if (!document) return;
    notify('app.signed_pact.uploaded', {
      type: 'success',
      messageArgs: { name: document.fileName },
    });
    onUploaded();
  };
  const drop = (event: DragEvent) => {
    event.preventDefault();
    setDragging(false);
    void send(event.dataTransfer.files[0]);
  };

  return (
    // Outlined: the buttons inside keep their contrast on a white ground.
    <Alert severity="warning" variant="outlined" role="status" data-signed-pact="missing">
      <AlertTitle>{translate('app.signed_pact.missing_title')}</AlertTitle>
      <Stack spacing={1.5}>
        <Typography variant="body2">
          {translate(uploads ? 'app.signed_pact.missing' : 'app.signed_pact.missing_readonly')}
        </Typography>
        <Box>
          <PrintPactButton pact={pact} />
        </Box>
        {uploads ? (
          <Box
            onDragOver={(event) => {
              event.preventDefault();
              setDragging(true);
            }}
            onDragLeave={() => setDragging(false)}
            onDrop={drop}
            data-drop-zone
            sx={{
              border: 2,
              borderStyle: 'dashed',
              borderColor: dragging ? 'primary.main' : 'divider',
              borderRadius: 1,
              p: 1.5,
              bgcolor: dragging ? 'action.hover' : 'transparent',
            }}
          >
            <input
              ref={input}
              type="file"
              accept={ACCEPTED_FILES}
              hidden
              aria-labelledby={`${id}-pick`}
              onChange={(event) => {
                const file = event.target.files?.[0];
                // The same file chosen again after a refusal is still a change.
                event.target.value = '';
                void send(file);
              }}
            />
            <Stack spacing={1}>
              <Box>
                <Button
                  id={`${id}-pick`}
                  variant="contained"
                  startIcon={<UploadFileIcon />}
                  disabled={sending}
                  onClick={() => input.current?.click()}
                  aria-describedby={`${id}-help`}
                  sx={{ minHeight: 44 }}
                >
                  {translate('app.signed_pact.upload')}
                </Button>
              </Box>
              <Typography variant="body2" id={`${id}-help`}>
                {translate('app.signed_pact.drop')}
              </Typography>
              {sending ? <UploadProgress percent={percent} /> : null}
              {error ? (
                <Alert severity="error" role="alert">
                  {error}
                </Alert>
              ) : null}
            </Stack>
          </Box>
        ) : null}
      </Stack>
    </Alert>
  );
};
