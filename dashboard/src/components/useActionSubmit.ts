import { useNotify, useRefresh } from 'react-admin';
import { submitErrors } from './submitErrors';

/**
 * The submit handler of a form of our own that calls one mutation: on success it notifies
 * `done`, runs `after` (close the dialog, empty the form) and refreshes; on failure it returns
 * the server's field errors to the form (or shows its message), as submitErrors does.
 */
export function useActionSubmit(
  perform: (values: Record<string, unknown>) => Promise<unknown>,
  done: string,
  after: () => void,
) {
  const notify = useNotify();
  const refresh = useRefresh();
  return async (values: Record<string, unknown>) => {
    try {
      await perform(values);
      notify(done, { type: 'success' });
      after();
      refresh();
      return undefined;
    } catch (error) {
      return submitErrors(error, notify);
    }
  };
}
