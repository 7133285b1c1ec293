import { useState, type FormEvent } from 'react';
import { ApiError, gql } from '../api';
import { Checkbox, ErrorMessage, Heading, Link, Notice, TextField } from '../ui';

const REQUEST_ERASURE = 'mutation ($password: String!) { requestErasure(password: $password) }';

/**
 * "Delete my account", at the end of the settings page: the member's own erasure, confirmed with
 * their password. What goes and what stays is said before they decide; under a legal hold the
 * server records the request and the member is told it will be carried out later.
 */
export function DeleteAccountSection({ onDeleted }: { onDeleted: () => void }) {
  const [password, setPassword] = useState('');
  const [understood, setUnderstood] = useState(false);
  const [passwordError, setPasswordError] = useState<string | undefined>();
  const [understoodError, setUnderstoodError] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [held, setHeld] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    setHeld(null);
    const missingPassword = password === '';
    setPasswordError(missingPassword ? 'Enter your password.' : undefined);
    setUnderstoodError(!understood);
    if (missingPassword || !understood) {
      setError('Please check the answers marked below.');
      return;
    }
    setBusy(true);
    try {
      await gql<{ requestErasure: boolean }>(REQUEST_ERASURE, { password });
      onDeleted();
    } catch (err) {
      if (err instanceof ApiError && err.code === 'BAD_USER_INPUT' && err.field === 'password') {
        setPasswordError('That password is not right.');
        setError('Please check the answer marked below.');
      } else if (err instanceof ApiError && err.code === 'CONFLICT' && err.field === 'legalHold') {
        setHeld(
          'We cannot delete your account yet: its records must be kept for a legal reason for now. We have recorded your request, and we will delete it as soon as that ends. A case worker can tell you more.',
        );
      } else {
        setError((err as Error).message);
      }
    } finally {
      setPassword('');
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby="delete-h">
      <h2 id="delete-h">Delete my account</h2>
      <p>If you delete your account:</p>
      <ul>
        <li>your account, the name we call you, and your e-mail addresses and phone number are deleted;</li>
        <li>
          your reports lose everything that could identify you: what you wrote, the place, the exact dates and your case worker’s notes. The kind of incident, the month, the
          police area and what you told us about the person who harmed you (like a phone number or a car) stay, so that other members can still be warned;
        </li>
        <li>you stop getting alerts, we can no longer contact you, and you are signed out everywhere.</li>
      </ul>
      <p>Anonymous numbers stay in our statistics. You cannot undo this.</p>
      <form onSubmit={submit} noValidate aria-labelledby="delete-h">
        <ErrorMessage error={error} />
        <Notice text={held} />
        <TextField label="Your password" hint="To make sure it is you." type="password" autoComplete="current-password" value={password} onChange={setPassword} error={passwordError} required />
        <div className={understoodError ? 'field field-error' : undefined}>
          {understoodError && <p className="field-message">Tick the box to say you understand.</p>}
          <Checkbox label="I understand that this deletes my account and cannot be undone" checked={understood} onChange={setUnderstood} />
        </div>
        <button type="submit" className="danger" disabled={busy}>
          {busy ? 'Deleting…' : 'Delete my account'}
        </button>
      </form>
    </section>
  );
}

/** Where a member lands once their account is deleted (signed out: a public page). */
export function AccountDeletedScreen() {
  return (
    <>
      <Heading>Your account is deleted</Heading>
      <p>We have deleted your account and everything in it that could identify you, and signed you out everywhere.</p>
      <p>You can create a new account at any time. If something happens, you can still report it to us.</p>
      <p>
        <Link to={{ name: 'home' }}>Go to the start</Link>
      </p>
    </>
  );
}
