import type { DocumentKind, DocumentOwnerType } from '@generattivi/shared';
import AttachFileIcon from '@mui/icons-material/AttachFile';
import UploadFileIcon from '@mui/icons-material/UploadFile';
import {
  Box,
  Button,
  FormHelperText,
  LinearProgress,
  MenuItem,
  Stack,
  TextField,
  Typography,
} from '@mui/material';
import { useId, useRef, useState } from 'react';
import { useDataProvider, useTranslate } from 'react-admin';
import { DialogButton, FormDialog, inlineButtonSx } from '../common/FormDialog';
import { useFormDialog } from '../common/useFormDialog';
import type { AppDataProvider } from '../providers/dataProvider';
import { ACCEPTED_FILES } from './documentRules';
import { formatBytes } from '../common/format';

/**
 * "Carica documento": the dialog asks the kind (only those the caller may add) and the file
 * (PDF, JPEG, PNG or WebP), then sends it with a bar showing how much has gone. A refusal
 * (too large, not a document type, empty) is said in the user's language from its code.
 */
export const UploadDocumentButton = ({
  ownerType,
  ownerId,
  ownerName,
  kinds,
}: {
  ownerType: DocumentOwnerType;
  ownerId: number;
  /** How the page names the record (a pact's reference, a person's name). */
  ownerName: string;
  kinds: readonly DocumentKind[];
}) => {
  const translate = useTranslate();
  const dataProvider = useDataProvider<AppDataProvider>();
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const dialog = useFormDialog({ kind: kinds.length === 1 ? kinds[0] : '' });
  const [file, setFile] = useState<File | null>(null);
  const [sent, setSent] = useState(0);
  const { kind } = dialog.values;

  const submit = async () => {
    if (!dialog.required({ kind, file })) return;
    if (!file) return;
    setSent(0);
    const name = file.name;
    const done = await dialog.send(
      () =>
        dataProvider.uploadDocument(
          { ownerType, ownerId, kind: kind as DocumentKind, file },
          setSent,
        ),
      'app.documents.uploaded',
      { name },
    );
    if (done) setFile(null);
  };

  const percent = Math.round(sent * 100);
  const fileError = dialog.errors.file;
  return (
    <>
      <DialogButton
        dialog={dialog}
        variant="contained"
        startIcon={<UploadFileIcon />}
        sx={inlineButtonSx}
      >
        {translate('app.documents.upload')}
      </DialogButton>
      <FormDialog
        dialog={dialog}
        title={translate('app.documents.upload_to', { name: ownerName })}
        onSubmit={() => void submit()}
        submitLabel={translate('app.documents.upload')}
      >
        <TextField
          select
          label={translate('resources.documents.fields.kind')}
          {...dialog.field('kind')}
          required
        >
          {kinds.map((k) => (
            <MenuItem key={k} value={k}>
              {translate(`enums.documentKind.${k}`)}
            </MenuItem>
          ))}
        </TextField>
        <Box>
          <Typography component="p" variant="body2" id={`${id}-label`} sx={{ mb: 1 }}>
            {translate('app.documents.file')}
          </Typography>
          <input
            ref={input}
            type="file"
            accept={ACCEPTED_FILES}
            hidden
            aria-labelledby={`${id}-label`}
            onChange={(event) => {
              setFile(event.target.files?.[0] ?? null);
              dialog.setErrors({ ...dialog.errors, file: '' });
              // The same file chosen again after a refusal is still a change.
              event.target.value = '';
            }}
          />
          <Stack
            direction={{ xs: 'column', sm: 'row' }}
            spacing={1}
            sx={{ alignItems: { sm: 'center' } }}
          >
            <Button
              variant="outlined"
              startIcon={<AttachFileIcon />}
              onClick={() => input.current?.click()}
              aria-describedby={`${id}-chosen ${id}-help`}
              sx={inlineButtonSx}
            >
              {translate('app.documents.choose_file')}
            </Button>
            <Typography id={`${id}-chosen`} sx={{ overflowWrap: 'anywhere' }}>
              {file
                ? `${file.name} (${formatBytes(file.size)})`
                : translate('app.documents.no_file')}
            </Typography>
          </Stack>
          <FormHelperText id={`${id}-help`} error={!!fileError}>
            {fileError || translate('app.documents.file_help')}
          </FormHelperText>
        </Box>
        {dialog.props.sending ? (
          <Box>
            <LinearProgress
              variant="determinate"
              value={percent}
              aria-label={translate('app.documents.sending', { percent })}
            />
            <Typography variant="body2" sx={{ mt: 0.5 }} aria-live="polite">
              {translate('app.documents.sending', { percent })}
            </Typography>
          </Box>
        ) : null}
      </FormDialog>
    </>
  );
};
