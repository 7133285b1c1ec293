import { useState, type FormEvent } from 'react';
import { ApiError, gql, type Session } from '../api';
import { ErrorMessage, Heading, Link, RadioGroup, TextField } from '../ui';
import { WORK_SETTINGS, type WorkSetting } from '../words';

const REGISTER = `mutation ($input: RegisterMemberInput!) {
  registerMember(input: $input) { token expiresAt }
}`;

type Errors = Partial<Record<'email' | 'password' | 'pseudonym' | 'workSetting', string>>;

export function RegisterScreen({ onRegistered }: { onRegistered: (s: Session) => void }) {
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [pseudonym, setPseudonym] = useState('');
  const [workSetting, setWorkSetting] = useState<WorkSetting | null>(null);
  const [errors, setErrors] = useState<Errors>({});
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const found: Errors = {};
    if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email.trim())) found.email = 'Enter an e-mail address, like name@example.com.';
    if (password.length < 12) found.password = 'Use at least 12 characters.';
    if (!pseudonym.trim()) found.pseudonym = 'Enter a name we can call you. It does not have to be your real name.';
    if (!workSetting) found.workSetting = 'Choose the answer closest to how you work.';
    setErrors(found);
    if (Object.keys(found).length) {
      setError('Please check the answers marked below.');
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const { registerMember } = await gql<{ registerMember: { token: string; expiresAt: string } }>(REGISTER, {
        // Alert areas come next, once signed in (the list of areas needs an account).
        input: { email: email.trim(), password, pseudonym: pseudonym.trim(), workSetting, alertAreaIds: [] },
      });
      setPassword('');
      onRegistered({ token: registerMember.token, expiresAt: registerMember.expiresAt });
    } catch (err) {
      const field = err instanceof ApiError ? err.field : undefined;
      if (err instanceof ApiError && err.code === 'CONFLICT' && field === 'email') {
        setErrors({ email: 'There is already an account with this e-mail address. Try signing in.' });
        setError('Please check the answers marked below.');
      } else if (field && ['email', 'password', 'pseudonym', 'workSetting'].includes(field)) {
        setErrors({ [field]: (err as Error).message });
        setError('Please check the answers marked below.');
      } else {
        setError((err as Error).message);
      }
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <Heading>Create an account</Heading>
      <p>It is free. We only ask for what we need to keep you informed.</p>
      <form onSubmit={submit} noValidate>
        <ErrorMessage error={error} />
        <TextField
          label="E-mail address"
          hint="You sign in with this. It can be an address you use only for Lantern."
          type="email"
          autoComplete="username"
          inputMode="email"
          value={email}
          onChange={setEmail}
          error={errors.email}
          required
        />
        <TextField label="Password" hint="At least 12 characters. A few words together works well." type="password" autoComplete="new-password" value={password} onChange={setPassword} error={errors.password} required />
        <TextField label="What should we call you?" hint="Any name you like. It does not have to be your real name." autoComplete="nickname" value={pseudonym} onChange={setPseudonym} error={errors.pseudonym} required />
        <RadioGroup legend="How do you mostly work?" hint="This helps us send the right warnings and support." name="work-setting" choices={WORK_SETTINGS} value={workSetting} onChange={setWorkSetting} error={errors.workSetting} />
        <button type="submit" className="primary" disabled={busy}>
          {busy ? 'Creating your account…' : 'Create account'}
        </button>
      </form>
      <p>
        Already have an account? <Link to={{ name: 'sign-in' }}>Sign in</Link>
      </p>
    </>
  );
}
