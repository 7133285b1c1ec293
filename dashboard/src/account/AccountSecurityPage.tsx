import { Alert, Box, Button, Card, CardContent, CircularProgress, Divider, Stack, TextField, Typography } from '@mui/material';
import { useCallback, useEffect, useRef, useState, type FormEvent } from 'react';
import { Title, useNotify, useTranslate } from 'react-admin';
import { readSession } from '../providers/session';
import { CodeField, messageOf } from './CodeField';
import { EnrolTwoFactor } from './EnrolTwoFactor';
import { RecoveryCodes } from './RecoveryCodes';
import { disableTwoFactor, fetchTwoFactorStatus, markEnrolmentRequired, regenerateRecoveryCodes, type TwoFactorStatus } from './twoFactor';

/**
 * "Account security" (from the account menu): two-factor sign-in on the signed-in account —
 * turn it on (QR code, first code, recovery codes shown once), new recovery codes, turn it off.
 */
export const AccountSecurityPage = () => {
  const translate = useTranslate();
  const notify = useNotify();
  const [status, setStatus] = useState<TwoFactorStatus | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [codes, setCodes] = useState<string[] | null>(null);
  const email = readSession()?.user.email;

  const load = useCallback(async () => {
    try {
      setStatus(await fetchTwoFactorStatus());
      setLoadError(null);
    } catch (err) {
      setLoadError(messageOf(err));
    }
  }, []);
  useEffect(() => void load(), [load]);

  const codesSaved = () => {
    setCodes(null);
    void load();
  };

  const turnedOff = async () => {
    notify('lantern.account.disable.done', { type: 'info' });
    if (status?.required) {
      // The role requires it: this session may now only turn it on again.
      markEnrolmentRequired();
      window.location.reload();
      return;
    }
    await load();
  };

  return (
    <Card sx={{ mt: 2, maxWidth: 880 }}>
      <Title title="lantern.account.title" />
      <CardContent>
        <Typography variant="h5" component="h1" gutterBottom>
          {translate('lantern.account.title')}
        </Typography>
        <Box component="section" aria-labelledby="two-factor-title">
          <Typography id="two-factor-title" variant="h6" component="h2">
            {translate('lantern.account.two_factor')}
          </Typography>
          {loadError ? <Alert severity="error" role="alert">{translate(loadError, { _: loadError })}</Alert> : null}
          {!status && !loadError ? <CircularProgress aria-label={translate('ra.page.loading')} /> : null}
          {status ? <StatusLine status={status} /> : null}
          {codes ? (
            <RecoveryCodes codes={codes} email={email} onDone={codesSaved} />
          ) : status && !status.enabled ? (
            <EnrolTwoFactor
              onEnabled={(recoveryCodes) => {
                setCodes(recoveryCodes);
                void load();
              }}
            />
          ) : status?.enabled ? (
            <Stack spacing={3} divider={<Divider flexItem />} sx={{ mt: 2 }}>
              <RegenerateForm
                onDone={(recoveryCodes) => {
                  setCodes(recoveryCodes);
                  void load();
                }}
              />
              <DisableForm onDone={() => void turnedOff()} required={status.required} />
            </Stack>
          ) : null}
        </Box>
      </CardContent>
    </Card>
  );
};

const StatusLine = ({ status }: { status: TwoFactorStatus }) => {
  const translate = useTranslate();
  if (!status.enabled) {
    return (
      <Typography sx={{ my: 1 }} data-testid="two-factor-status">
        {translate(status.required ? 'lantern.account.status.off_required' : 'lantern.account.status.off')}
      </Typography>
    );
  }
  const since = status.enabledAt ? new Date(status.enabledAt).toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric' }) : '';
  return (
    <Box sx={{ my: 1 }}>
      <Typography data-testid="two-factor-status">{translate('lantern.account.status.on', { since })}</Typography>
      <Typography color={status.recoveryCodesRemaining < 3 ? 'error' : 'text.secondary'}>
        {translate('lantern.account.status.codes_left', { smart_count: status.recoveryCodesRemaining })}
      </Typography>
    </Box>
  );
};

const RegenerateForm = ({ onDone }: { onDone: (codes: string[]) => void }) => {
  const translate = useTranslate();
  const [code, setCode] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const input = useRef<HTMLInputElement>(null);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      onDone(await regenerateRecoveryCodes(code));
    } catch (err) {
      setError(messageOf(err));
      setCode('');
      input.current?.focus();
    } finally {
      setBusy(false);
    }
  };
  return (
    <Box component="form" onSubmit={(e) => void submit(e)} noValidate aria-labelledby="regenerate-title">
      <Typography id="regenerate-title" variant="subtitle1" component="h3" sx={{ fontWeight: 600 }}>
        {translate('lantern.account.regenerate.title')}
      </Typography>
      <Typography variant="body2" color="text.secondary">
        {translate('lantern.account.regenerate.help')}
      </Typography>
      <CodeField id="regenerate-code" value={code} onChange={setCode} inputRef={input} />
      {error ? <Alert severity="error" role="alert" sx={{ mb: 1, maxWidth: 480 }}>{translate(error, { _: error })}</Alert> : null}
      <Button type="submit" variant="outlined" disabled={busy || !code.trim()}>
        {translate('lantern.account.regenerate.action')}
      </Button>
    </Box>
  );
};

const DisableForm = ({ onDone, required }: { onDone: () => void; required: boolean }) => {
  const translate = useTranslate();
  const [password, setPassword] = useState('');
  const [code, setCode] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await disableTwoFactor(password, code);
      onDone();
    } catch (err) {
      setError(messageOf(err));
      setCode('');
    } finally {
      setBusy(false);
    }
  };
  return (
    <Box component="form" onSubmit={(e) => void submit(e)} noValidate aria-labelledby="disable-title">
      <Typography id="disable-title" variant="subtitle1" component="h3" sx={{ fontWeight: 600 }}>
        {translate('lantern.account.disable.title')}
      </Typography>
      <Typography variant="body2" color="text.secondary">
        {translate(required ? 'lantern.account.disable.help_required' : 'lantern.account.disable.help')}
      </Typography>
      <TextField
        id="disable-password"
        type="password"
        label={translate('lantern.auth.password')}
        autoComplete="current-password"
        value={password}
        onChange={(event) => setPassword(event.target.value)}
        required
        fullWidth
        sx={{ my: 1, maxWidth: 360, display: 'flex' }}
      />
      <CodeField id="disable-code" value={code} onChange={setCode} allowRecoveryCode label="lantern.auth.totp" helperText="lantern.account.code_or_recovery_help" />
      {error ? <Alert severity="error" role="alert" sx={{ mb: 1, maxWidth: 480 }}>{translate(error, { _: error })}</Alert> : null}
      <Button type="submit" color="warning" variant="outlined" disabled={busy || !password || !code.trim()}>
        {translate('lantern.account.disable.action')}
      </Button>
    </Box>
  );
};
