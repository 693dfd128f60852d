'use client';
import { type FormEvent, useState } from 'react';
import { type FormErrors, noErrors, toFormErrors } from './form-errors';

/**
 * The submit cycle every form repeats: clear the last errors and notice, mark busy, run the action, then show
 * the notice it returns or put its error next to the field it names (`fieldNames`), else on top of the form.
 * `staysBusy`: the form is left on success (a page change), so its button stays disabled meanwhile.
 * `toErrors`: how an error is placed (uploads say where in the file, see data-ui/file-errors.ts).
 */
export function useFormSubmit(
  fieldNames: readonly string[],
  { staysBusy = false, toErrors = toFormErrors }: { staysBusy?: boolean; toErrors?: (error: unknown, fieldNames: readonly string[]) => FormErrors } = {},
) {
  const [errors, setErrors] = useState<FormErrors>(noErrors);
  const [notice, setNotice] = useState<string>();
  const [busy, setBusy] = useState(false);

  const submit =
    (action: () => Promise<string | undefined | void>) =>
    async (event?: FormEvent): Promise<void> => {
      event?.preventDefault();
      setErrors(noErrors);
      setNotice(undefined);
      setBusy(true);
      try {
        const done = await action();
        if (done) setNotice(done);
        if (!staysBusy) setBusy(false);
      } catch (error) {
        setErrors(toErrors(error, fieldNames));
        setBusy(false);
      }
    };

  return { errors, setErrors, notice, setNotice, busy, submit };
}
