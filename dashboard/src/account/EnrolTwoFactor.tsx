import { Alert, Box, Button, CircularProgress, Stack, Typography } from '@mui/material';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslate } from 'react-admin';
import { CodeField, messageOf } from './CodeField';
import { confirmEnrolment, startEnrolment, type Enrolment } from './twoFactor';

/** `JBSWY3DPEHPK3PXP...` as `JBSW Y3DP EHPK ...`, easier to type into an app by hand. */
const grouped = (secret: string) => secret.match(/.{1,4}/g)?.join(' ') ?? secret;

/**
 * Turning on two-factor sign-in: a QR code (and the key, for apps that cannot scan), then the
 * first code from the app. `onEnabled` receives the recovery codes, which the caller shows once.
 */
export const EnrolTwoFactor = ({ onEnabled }: { onEnabled: (recoveryCodes: string[]) => void }) => {
  const translate = useTranslate();
  const [enrolment, setEnrolment] = useState<Enrolment | null>(null);
  const [code, setCode] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const codeInput = useRef<HTMLInputElement>(null);
  const scanHeading = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    if (enrolment) scanHeading.current?.focus();
  }, [enrolment]);

  const start = async () => {
    setBusy(true);
    setError(null);
    try {
      setEnrolment(await startEnrolment());
      setCode('');
    } catch (err) {
      setError(messageOf(err));
    } finally {
      setBusy(false);
    }
  };

  const confirm = async (event: FormEvent) => {
    event.preventDefault();
    if (!code.trim()) {
      setError(translate('lantern.account.code_missing'));
      codeInput.current?.focus();
      return;
    }
    setBusy(true);
    setError(null);
    try {
      onEnabled(await confirmEnrolment(code));
    } catch (err) {
      setError(messageOf(err));
      setCode('');
      codeInput.current?.focus();
    } finally {
      setBusy(false);
    }
  };

  if (!enrolment) {
    return (
      <Box>
        <Typography sx={{ mb: 1 }}>{translate('lantern.account.enrol.intro')}</Typography>
        {error ? (
          <Alert severity="error" role="alert" sx={{ mb: 1 }}>
            {translate(error, { _: error })}
          </Alert>
        ) : null}
        <Button variant="contained" onClick={() => void start()} disabled={busy}>
          {busy ? <CircularProgress size={20} aria-label={translate('ra.page.loading')} /> : translate('lantern.account.enrol.start')}
        </Button>
      </Box>
    );
  }

  return (
    <Box component="form" onSubmit={(e) => void confirm(e)} noValidate aria-labelledby="enrol-scan-title">
      <Typography id="enrol-scan-title" ref={scanHeading} tabIndex={-1} variant="h6" component="h3">
        {translate('lantern.account.enrol.scan_title')}
      </Typography>
      <Typography sx={{ mb: 1 }}>{translate('lantern.account.enrol.scan_help')}</Typography>
      <Stack direction={{ xs: 'column', sm: 'row' }} spacing={3} sx={{ alignItems: { sm: 'center' } }}>
        <Box
          component="img"
          src={enrolment.qrCodeDataUrl}
          alt={translate('lantern.account.enrol.qr_alt')}
          width={240}
          height={240}
          sx={{ border: 1, borderColor: 'divider', bgcolor: '#fff' }}
        />
        <Box>
          <Typography variant="body2">{translate('lantern.account.enrol.key_help')}</Typography>
          <Typography component="code" data-testid="totp-secret" sx={{ fontFamily: 'monospace', fontSize: '1.1rem', wordBreak: 'break-all', display: 'block', my: 1 }}>
            {grouped(enrolment.secret)}
          </Typography>
        </Box>
      </Stack>
      <Typography variant="h6" component="h3" sx={{ mt: 2 }}>
        {translate('lantern.account.enrol.confirm_title')}
      </Typography>
      <CodeField id="enrol-code" value={code} onChange={setCode} inputRef={codeInput} />
      {error ? (
        <Alert severity="error" role="alert" sx={{ mb: 1, maxWidth: 480 }}>
          {translate(error, { _: error })}
        </Alert>
      ) : null}
      <Stack direction="row" spacing={1}>
        <Button type="submit" variant="contained" disabled={busy}>
          {translate('lantern.account.enrol.confirm')}
        </Button>
        <Button onClick={() => void start()} disabled={busy}>
          {translate('lantern.account.enrol.restart')}
        </Button>
      </Stack>
    </Box>
  );
};
