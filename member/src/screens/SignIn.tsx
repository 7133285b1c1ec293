import { useState, type FormEvent } from 'react';
import { ApiError, gql, type Session } from '../api';
import { ErrorMessage, Heading, Link, TextField } from '../ui';

const LOGIN = `mutation ($email: String!, $password: String!) {
  login(email: $email, password: $password) { token expiresAt user { role } }
}`;

export function SignInScreen({ onSignedIn }: { onSignedIn: (s: Session) => void }) {
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!email.trim() || !password) {
      setError('Enter your e-mail address and your password.');
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const { login } = await gql<{ login: { token: string; expiresAt: string; user: { role: string } } }>(LOGIN, { email: email.trim(), password });
      if (login.user.role !== 'MEMBER') {
        setError('This page is for members. Staff and police partners sign in on the main Lantern page.');
        return;
      }
      setPassword('');
      onSignedIn({ token: login.token, expiresAt: login.expiresAt });
    } catch (err) {
      setError(err instanceof ApiError && err.code === 'UNAUTHENTICATED' ? 'That e-mail and password do not match an account. Please try again.' : (err as Error).message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <Heading>Sign in</Heading>
      <form onSubmit={submit} noValidate>
        <ErrorMessage error={error} />
        <TextField label="E-mail address" type="email" autoComplete="username" inputMode="email" value={email} onChange={setEmail} required />
        <TextField label="Password" type="password" autoComplete="current-password" value={password} onChange={setPassword} required />
        <button type="submit" className="primary" disabled={busy}>
          {busy ? 'Signing in…' : 'Sign in'}
        </button>
      </form>
      <p>
        New here? <Link to={{ name: 'register' }}>Create an account</Link>
      </p>
    </>
  );
}
