import type { Milestone } from '@generattivi/shared';
import AttachFileIcon from '@mui/icons-material/AttachFile';
import CloseIcon from '@mui/icons-material/Close';
import PhotoCameraIcon from '@mui/icons-material/PhotoCamera';
import PictureAsPdfIcon from '@mui/icons-material/PictureAsPdf';
import {
  Alert,
  Box,
  Button,
  FormHelperText,
  IconButton,
  Stack,
  Typography,
  useMediaQuery,
  type Theme,
} from '@mui/material';
import { useEffect, useId, useRef, useState } from 'react';
import { useCloseNotification, useNotify, useRefresh, useTranslate } from 'react-admin';
import { UploadProgress, useDocumentUpload } from '../documents/useDocumentUpload';
import { evidenceAccept, evidenceFileProblem } from './evidence';

type EvidenceMilestone = Pick<Milestone, 'id' | 'title'>;

/**
 * The photo (or file) chosen as evidence of a milestone, and `attach()`, which uploads it as
 * an EVIDENCE document of the milestone once the achievement is saved. `attach` never
 * throws: when the upload fails the achievement stays, and a notice says the photo was not
 * attached, with "Riprova".
 */
export function useEvidencePhoto(milestone: EvidenceMilestone) {
  const notify = useNotify();
  const [file, setFile] = useState<File | null>(null);
  const { upload, sending, percent } = useDocumentUpload();

  const attach = async (): Promise<void> => {
    if (!file) return;
    const { error } = await upload({
      ownerType: 'milestones',
      ownerId: milestone.id,
      kind: 'EVIDENCE',
      file,
    });
    setFile(null);
    if (error === undefined) return;
    notify(<EvidenceNotAttachedNotification milestone={milestone} file={file} reason={error} />, {
      type: 'error',
      autoHideDuration: null,
    });
  };

  return { file, setFile, sending, percent, attach };
}

/** What the achieve dialog needs of the chosen evidence. */
export type EvidencePhoto = ReturnType<typeof useEvidencePhoto>;

/**
 * "Scatta una foto" on a phone (the camera, through `capture="environment"`), "Allega una
 * prova" elsewhere (a photo or a PDF from the disk), a 44 px button over a hidden file input;
 * then the chosen photo's thumbnail (a PDF's name) with "Rimuovi", and the upload's progress.
 */
export const EvidencePhotoInput = ({ photo }: { photo: EvidencePhoto }) => {
  const translate = useTranslate();
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const phone = useMediaQuery(
    (theme: Theme) => `${theme.breakpoints.down('sm')}, (pointer: coarse)`,
  );
  const [problem, setProblem] = useState('');
  const [preview, setPreview] = useState<string | null>(null);
  const { file, setFile, sending, percent } = photo;
  const image = !!file && file.type.startsWith('image/');
  useEffect(() => {
    if (!file || !image) {
      setPreview(null);
      return;
    }
    const url = URL.createObjectURL(file);
    setPreview(url);
    return () => URL.revokeObjectURL(url);
  }, [file, image]);

  const { accept, capture } = evidenceAccept(phone);
  const label = translate(phone ? 'app.evidence.take_photo' : 'app.evidence.attach');
  return (
    <Box>
      <input
        ref={input}
        type="file"
        accept={accept}
        capture={capture}
        hidden
        aria-labelledby={`${id}-button`}
        data-testid="evidence-input"
        onChange={(event) => {
          const chosen = event.target.files?.[0];
          // The same photo chosen again after "Rimuovi" is still a change.
          event.target.value = '';
          if (!chosen) return;
          const why = evidenceFileProblem(chosen);
          setProblem(why ? translate(`app.evidence.${why}`) : '');
          setFile(why ? null : chosen);
        }}
      />
      {file ? (
        <Stack direction="row" spacing={1.5} sx={{ alignItems: 'center', minWidth: 0 }}>
          {preview ? (
            <Box
              component="img"
              src={preview}
              alt={translate('app.evidence.thumbnail', { name: file.name })}
              sx={{
                width: 72,
                height: 72,
                objectFit: 'cover',
                borderRadius: 1,
                border: 1,
                borderColor: 'divider',
                flexShrink: 0,
              }}
            />
          ) : (
            <PictureAsPdfIcon sx={{ fontSize: 48, flexShrink: 0 }} aria-hidden />
          )}
          <Typography
            variant="body2"
            sx={{ flexGrow: 1, minWidth: 0, overflowWrap: 'anywhere' }}
            data-evidence-chosen
          >
            {file.name}
          </Typography>
          <IconButton
            onClick={() => setFile(null)}
            disabled={sending}
            aria-label={translate('app.evidence.remove', { name: file.name })}
            sx={{ width: 48, height: 48, flexShrink: 0 }}
          >
            <CloseIcon />
          </IconButton>
        </Stack>
      ) : (
        <Button
          id={`${id}-button`}
          variant="outlined"
          startIcon={phone ? <PhotoCameraIcon /> : <AttachFileIcon />}
          onClick={() => input.current?.click()}
          aria-describedby={`${id}-help`}
          sx={{ minHeight: 44 }}
        >
          {label}
        </Button>
      )}
      <FormHelperText id={`${id}-help`} error={!!problem}>
        {problem || translate(phone ? 'app.evidence.help_phone' : 'app.evidence.help')}
      </FormHelperText>
      {sending ? (
        <Box sx={{ mt: 1 }}>
          <UploadProgress percent={percent} />
        </Box>
      ) : null}
    </Box>
  );
};

/**
 * The achievement is saved but its photo did not reach the server: why, and "Riprova",
 * which sends the same file again (its progress shown here) until it is attached.
 */
const EvidenceNotAttachedNotification = ({
  milestone,
  file,
  reason,
}: {
  milestone: EvidenceMilestone;
  file: File;
  /** Why the first upload failed, in the user's language. */
  reason: string;
}) => {
  const translate = useTranslate();
  const close = useCloseNotification();
  const notify = useNotify();
  const refresh = useRefresh();
  const { upload, sending, percent, error } = useDocumentUpload();
  const retry = async () => {
    const { document } = await upload({
      ownerType: 'milestones',
      ownerId: milestone.id,
      kind: 'EVIDENCE',
      file,
    });
    if (!document) return;
    close();
    notify('app.evidence.attached', { type: 'success', messageArgs: { title: milestone.title } });
    refresh();
  };
  return (
    <Alert
      severity="error"
      role="alert"
      sx={{ boxShadow: 3 }}
      onClose={close}
      slotProps={{ closeButton: { title: translate('ra.action.close') } }}
    >
      <Stack spacing={1}>
        <span>{translate('app.evidence.not_attached', { title: milestone.title })}</span>
        <span>{error || reason}</span>
        {sending ? <UploadProgress percent={percent} /> : null}
        <Box>
          <Button
            color="inherit"
            variant="outlined"
            disabled={sending}
            onClick={() => void retry()}
            sx={{ minHeight: 44 }}
          >
            {translate('app.evidence.retry')}
          </Button>
        </Box>
      </Stack>
    </Alert>
  );
};
