import { useState } from 'react';
import { useNotify, useRefresh, useTranslate } from 'react-admin';
import { describeServerError, type ServerRefusal } from './serverErrors';

/**
 * A button's form dialog that sends one request: open or closed, the text fields' values,
 * sending, field errors beside the inputs, any other refusal above the buttons. `send` tells
 * the user it is done, closes the dialog, empties the fields and refreshes the page; closing
 * forgets the errors, not what was typed.
 */
export function useFormDialog<Values extends Record<string, string>>(
  initial: Values = {} as Values,
) {
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const [open, setOpen] = useState(false);
  const [values, setValues] = useState<Values>(initial);
  const [sending, setSending] = useState(false);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [refusal, setRefusal] = useState<ServerRefusal | null>(null);

  const close = () => {
    setErrors({});
    setRefusal(null);
    setOpen(false);
  };

  /** True when every value is given; otherwise "Obbligatorio" beside each missing one. */
  const required = (values: Record<string, unknown>): boolean => {
    const missing = Object.entries(values).filter(
      ([, value]) => value === '' || value === null || value === undefined,
    );
    if (missing.length) {
      setErrors(
        Object.fromEntries(missing.map(([key]) => [key, translate('ra.validation.required')])),
      );
    }
    return missing.length === 0;
  };

  /**
   * Sends the request; when it succeeds, notifies `message` (or the message chosen by what
   * the request resolved to) and closes.
   */
  const send = async <T>(
    request: () => Promise<T>,
    message: string | ((result: T) => string),
    messageArgs: Record<string, unknown> = {},
  ): Promise<boolean> => {
    setSending(true);
    setRefusal(null);
    let result: T;
    try {
      result = await request();
    } catch (error) {
      const described = describeServerError(error);
      if (described.kind === 'fields') setErrors(described.errors);
      setRefusal(described);
      return false;
    } finally {
      setSending(false);
    }
    notify(typeof message === 'function' ? message(result) : message, {
      type: 'success',
      messageArgs,
    });
    setValues(initial);
    close();
    refresh();
    return true;
  };

  const set = (name: keyof Values, value: string) =>
    setValues((current) => ({ ...current, [name]: value }));

  /** The props of a text field for one value: its value, its change, its error. */
  const field = (name: keyof Values & string, helperText?: string) => ({
    name,
    value: values[name],
    onChange: (event: { target: { value: string } }) => set(name, event.target.value),
    error: !!errors[name],
    helperText: errors[name] ?? helperText,
  });

  return {
    open,
    values,
    set,
    field,
    show: () => setOpen(true),
    close,
    errors,
    setErrors,
    refusal,
    required,
    send,
    /** What FormDialog needs of this state. */
    props: { open, onClose: close, sending, refusal },
  };
}

/** The dialog without its text fields: what FormDialog, its button and a dialog of its own need. */
export type FormDialogState = Omit<ReturnType<typeof useFormDialog>, 'values' | 'set' | 'field'>;
