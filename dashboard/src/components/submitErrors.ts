import type { useNotify } from 'react-admin';
import { toHttpError, type ApiErrorBody } from '../providers/errors';

/**
 * For a form of our own (a react-admin <Form onSubmit>): when the server named a field, return
 * the errors so the form marks that input and shows the message (react-admin notifies
 * `root.serverError`); otherwise show the server's message.
 */
export function submitErrors(error: unknown, notify: ReturnType<typeof useNotify>): Record<string, unknown> | undefined {
  const httpError = toHttpError(error);
  const errors = (httpError.body as ApiErrorBody | undefined)?.errors;
  if (errors) return errors;
  notify(httpError.message, { type: 'error', messageArgs: { _: httpError.message } });
  return undefined;
}
