import { useNotify } from 'react-admin';
import { describeServerError } from './serverErrors';
import { VersionConflictNotification } from './VersionConflictNotice';

/**
 * The `onError` of every edit and create form: field errors stay beside the inputs
 * (react-admin puts `errors` there itself), a stale version gets the "Ricarica" notice, the
 * rest is said in a notification.
 */
export function useSaveErrorHandler() {
  const notify = useNotify();
  return (error: unknown) => {
    const refusal = describeServerError(error);
    if (refusal.kind === 'fields') return;
    if (refusal.kind === 'version') {
      notify(<VersionConflictNotification />, { type: 'error', autoHideDuration: null });
      return;
    }
    notify(refusal.message || 'ra.notification.http_error', {
      type: 'error',
      messageArgs: { _: refusal.message },
      multiLine: true,
    });
  };
}
