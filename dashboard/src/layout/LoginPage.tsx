import { Login, LoginForm, PasswordInput, TextInput, required } from 'react-admin';

/** react-admin's sign-in page, asking for an email (not a "username") and an optional one-time code. */
export const LoginPage = () => (
  <Login>
    <LoginForm>
      <TextInput
        autoFocus
        source="username"
        type="email"
        label="lantern.auth.email"
        autoComplete="username"
        validate={required()}
      />
      <PasswordInput
        source="password"
        label="lantern.auth.password"
        autoComplete="current-password"
        validate={required()}
      />
      <TextInput
        source="totp"
        label="lantern.auth.totp"
        autoComplete="one-time-code"
        slotProps={{ htmlInput: { inputMode: 'numeric' } }}
      />
    </LoginForm>
  </Login>
);
