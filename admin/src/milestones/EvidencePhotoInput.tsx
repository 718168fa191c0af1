import type { Milestone } from '@generattivi/shared';
import AttachFileIcon from '@mui/icons-material/AttachFile';
import CloseIcon from '@mui/icons-material/Close';
import ImageIcon from '@mui/icons-material/Image';
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
  const { file, setFile, sending, percent } = photo;

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
          {file.type.startsWith('image/') ? (
            <Thumbnail
              file={file}
              label={translate('app.evidence.thumbnail', { name: file.name })}
            />
          ) : (
            <PictureAsPdfIcon sx={{ fontSize: 48, flexShrink: 0 }} aria-hidden />
          )}
          <Typography variant="body2" sx={{ flexGrow: 1, minWidth: 0, overflowWrap: 'anywhere' }}>
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

/** Side of the thumbnail on screen, in CSS pixels; drawn at twice that for sharp screens. */
const THUMBNAIL = 72;

/**
 * The photo's middle square, drawn small on a canvas: decoded from the file itself, with no
 * object URL (the Content-Security-Policy allows images from the app and `data:` only).
 */
const Thumbnail = ({ file, label }: { file: File; label: string }) => {
  const canvas = useRef<HTMLCanvasElement>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    let current = true;
    setFailed(false);
    createImageBitmap(file)
      .then((bitmap) => {
        const context = canvas.current?.getContext('2d');
        if (current && context) {
          const side = Math.min(bitmap.width, bitmap.height);
          const size = THUMBNAIL * 2;
          context.drawImage(
            bitmap,
            (bitmap.width - side) / 2,
            (bitmap.height - side) / 2,
            side,
            side,
            0,
            0,
            size,
            size,
          );
        }
        bitmap.close();
      })
      .catch(() => {
        if (current) setFailed(true);
      });
    return () => {
      current = false;
    };
  }, [file]);
  if (failed) return <ImageIcon sx={{ fontSize: 48, flexShrink: 0 }} aria-label={label} />;
  // A plain canvas: its width and height are the drawing's pixels, the style its size on screen.
  return (
    <canvas
      ref={canvas}
      width={THUMBNAIL * 2}
      height={THUMBNAIL * 2}
      role="img"
      aria-label={label}
      style={{
        width: THUMBNAIL,
        height: THUMBNAIL,
        borderRadius: 4,
        border: '1px solid rgba(0, 0, 0, 0.12)',
        flexShrink: 0,
      }}
    />
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
      closeText={translate('ra.action.close')}
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
