import type { DocumentRecord } from '@generattivi/shared';
import { Box, LinearProgress, Typography } from '@mui/material';
import { useState } from 'react';
import { useDataProvider, useTranslate } from 'react-admin';
import { describeServerError } from '../common/serverErrors';
import type { AppDataProvider, DocumentUpload } from '../providers/dataProvider';

/** What an upload came to: the stored document, or the refusal in the user's language. */
export type UploadResult =
  { document: DocumentRecord; error?: undefined } | { document?: undefined; error: string };

/**
 * One upload at a time (`POST /api/documents`): the share sent while it goes, and the
 * server's refusal in the user's language when it fails (kept as `error` too).
 */
export function useDocumentUpload() {
  const dataProvider = useDataProvider<AppDataProvider>();
  /** The share of the file sent (0..1); null while nothing is being sent. */
  const [sent, setSent] = useState<number | null>(null);
  const [error, setError] = useState('');

  const upload = async (document: DocumentUpload): Promise<UploadResult> => {
    setError('');
    setSent(0);
    try {
      return { document: await dataProvider.uploadDocument(document, setSent) };
    } catch (failure) {
      const message = describeServerError(failure).message;
      setError(message);
      return { error: message };
    } finally {
      setSent(null);
    }
  };

  return {
    upload,
    sending: sent !== null,
    percent: Math.round((sent ?? 0) * 100),
    error,
    setError,
  };
}

/** The bar and the words of an upload under way ("Invio in corso: 40%"). */
export const UploadProgress = ({ percent }: { percent: number }) => {
  const translate = useTranslate();
  const text = translate('app.documents.sending', { percent });
  return (
    <Box>
      <LinearProgress variant="determinate" value={percent} aria-label={text} />
      <Typography variant="body2" sx={{ mt: 0.5 }} aria-live="polite">
        {text}
      </Typography>
    </Box>
  );
};
