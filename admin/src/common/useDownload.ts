import { useState } from 'react';
import { useNotify } from 'react-admin';
import { saveBlob } from './saveBlob';

/**
 * A button's download: `busy` while the file comes, then saved under its name; a failure is
 * notified with `failure` (a message key).
 */
export function useDownload(failure: string) {
  const notify = useNotify();
  const [busy, setBusy] = useState(false);
  const download = async (fetchFile: () => Promise<Blob>, name: string) => {
    setBusy(true);
    try {
      saveBlob(await fetchFile(), name);
    } catch {
      notify(failure, { type: 'error' });
    } finally {
      setBusy(false);
    }
  };
  return { busy, download };
}
