import { Alert, Box, Button, CardContent, CircularProgress, Typography } from '@mui/material';
import { useEffect, useRef, useState } from 'react';
import { Form, PasswordInput, TextInput, required, useLogin, useNotify, useTranslate } from 'react-admin';

interface Credentials {
  username?: string;
  password?: string;
}

/**
 * Sign-in in two steps: e-mail and password; then, only when the server answers
 * TWO_FACTOR_REQUIRED (which it does only after the right password), the code from the
 * authenticator app or a recovery code. Any failure of the code is the server's one message.
 */
export const SignInForm = () => {
  const translate = useTranslate();
  const login = useLogin();
  const notify = useNotify();
  const [credentials, setCredentials] = useState<Credentials | null>(null);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    if (credentials) heading.current?.focus();
  }, [credentials]);

  const failed = (err: unknown) => {
    const message = err instanceof Error && err.message ? err.message : 'ra.auth.sign_in_error';
    return { message, code: (err as { code?: string } | null)?.code };
  };

  const signIn = async (values: Credentials) => {
    setLoading(true);
    setError(null);
    try {
      await login({ username: values.username, password: values.password });
    } catch (err) {
      const { message, code } = failed(err);
      if (code === 'TWO_FACTOR_REQUIRED') {
        setCredentials({ username: values.username, password: values.password });
      } else {
        notify(message, { type: 'error', messageArgs: { _: message } });
      }
    } finally {
      setLoading(false);
    }
  };

  const withCode = async (values: { totp?: string }) => {
    setLoading(true);
    setError(null);
    try {
      await login({ ...credentials, totp: values.totp });
    } catch (err) {
      // The same words as a wrong password: start again from the password, as a wrong code may mean either.
      setError(failed(err).message);
    } finally {
      setLoading(false);
    }
  };

  const back = () => {
    setCredentials(null);
    setError(null);
  };

  if (credentials) {
    return (
      <Form key="code" onSubmit={(values: Record<string, unknown>) => void withCode(values as { totp?: string })} noValidate>
        <CardContent sx={{ width: 320 }}>
          <Typography id="sign-in-code-title" ref={heading} tabIndex={-1} variant="h6" component="h2">
            {translate('lantern.auth.code_title')}
          </Typography>
          <Typography variant="body2" sx={{ mb: 1 }}>
            {translate('lantern.auth.code_help')}
          </Typography>
          <TextInput
            autoFocus
            source="totp"
            label="lantern.auth.totp"
            autoComplete="one-time-code"
            validate={required()}
            slotProps={{ htmlInput: { spellCheck: false, autoCapitalize: 'none' } }}
          />
          {error ? (
            <Alert severity="error" role="alert" sx={{ mb: 1 }}>
              {translate(error, { _: error })}
            </Alert>
          ) : null}
          <Box sx={{ display: 'flex', gap: 1 }}>
            <Button variant="contained" type="submit" color="primary" disabled={loading} fullWidth>
              {loading ? <CircularProgress size={19} thickness={3} aria-label={translate('ra.page.loading')} /> : translate('ra.auth.sign_in')}
            </Button>
            <Button onClick={back} disabled={loading} sx={{ whiteSpace: 'nowrap' }}>
              {translate('ra.action.back')}
            </Button>
          </Box>
        </CardContent>
      </Form>
    );
  }

  return (
    <Form key="password" onSubmit={(values: Record<string, unknown>) => void signIn(values as Credentials)} mode="onChange" noValidate>
      <CardContent sx={{ width: 320 }}>
        <TextInput autoFocus source="username" type="email" label="lantern.auth.email" autoComplete="username" validate={required()} />
        <PasswordInput source="password" label="lantern.auth.password" autoComplete="current-password" validate={required()} />
        <Button variant="contained" type="submit" color="primary" disabled={loading} fullWidth sx={{ mt: 2 }}>
          {loading ? <CircularProgress size={19} thickness={3} aria-label={translate('ra.page.loading')} /> : translate('ra.auth.sign_in')}
        </Button>
      </CardContent>
    </Form>
  );
};
