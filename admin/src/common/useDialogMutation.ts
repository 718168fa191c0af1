import { useState } from 'react';
import { describeServerError, type ServerRefusal } from './serverErrors';

/**
 * The state of a dialog that sends one request: sending, field errors beside the inputs,
 * any other refusal above the buttons.
 */
export function useDialogMutation() {
  const [sending, setSending] = useState(false);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [refusal, setRefusal] = useState<ServerRefusal | null>(null);

  const run = async (request: () => Promise<unknown>): Promise<boolean> => {
    setSending(true);
    setRefusal(null);
    try {
      await request();
      setErrors({});
      return true;
    } catch (error) {
      const described = describeServerError(error);
      if (described.kind === 'fields') setErrors(described.errors);
      setRefusal(described);
      return false;
    } finally {
      setSending(false);
    }
  };

  const reset = () => {
    setErrors({});
    setRefusal(null);
  };

  return { sending, errors, setErrors, refusal, run, reset };
}
