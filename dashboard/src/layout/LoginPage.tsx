import { Login } from 'react-admin';
import { SignInForm } from '../account/SignInForm';

/**
 * react-admin's sign-in page, asking for an email (not a "username") and a password; then, when
 * the account uses two-factor sign-in, for the code from the app or a recovery code.
 */
export const LoginPage = () => (
  <Login>
    <SignInForm />
  </Login>
);
