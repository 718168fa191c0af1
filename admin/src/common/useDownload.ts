import { useState } from 'react';
import { useNotify } from 'react-admin';
import { saveBlob } from './saveBlob';

/** A file to save: its bytes, or its bytes and the name the server gave it. */
type Downloaded = Blob | { blob: Blob; fileName?: string };

/**
 * A button's download: `busy` while the file comes, then saved under the server's name or
 * `name`; a failure is notified with the server's refusal as worded, else `failure` (a key).
 */
export function useDownload(failure: string) {
  const notify = useNotify();
  const [busy, setBusy] = useState(false);
  const download = async (fetchFile: () => Promise<Downloaded>, name: string) => {
    setBusy(true);
    try {
      const file = await fetchFile();
      if (file instanceof Blob) saveBlob(file, name);
      else saveBlob(file.blob, file.fileName ?? name);
    } catch (error) {
      notify(error instanceof Error && error.message ? error.message : failure, { type: 'error' });
    } finally {
      setBusy(false);
    }
  };
  return { busy, download };
}
