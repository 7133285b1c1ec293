import { useCallback, useEffect, useState } from 'react';
import { clearSession, endSession, readSession, saveSession, whenSignedOut, type Session } from './api';
import { useRoute, type Route } from './router';
import { go, Heading, Link } from './ui';
import { AlertsScreen } from './screens/Alerts';
import { AreasScreen } from './screens/Areas';
import { CheckScreen } from './screens/Check';
import { AccountDeletedScreen } from './screens/DeleteAccount';
import { HomeScreen } from './screens/Home';
import { RegisterScreen } from './screens/Register';
import { ReportDetailScreen } from './screens/ReportDetail';
import { ReportScreen } from './screens/Report';
import { ReportsScreen } from './screens/Reports';
import { SignInScreen } from './screens/SignIn';

/** Where "Quick exit" goes: an ordinary, neutral page. */
export const EXIT_URL = 'https://www.bbc.co.uk/weather';

/**
 * Leaves at once: the page is blanked, the session forgotten, and this page replaced in the
 * tab's history (Back does not return to it).
 */
export function quickExit(): void {
  endSession();
  try {
    sessionStorage.clear();
  } catch {
    // nothing kept
  }
  document.title = 'Weather';
  document.body.textContent = '';
  window.location.replace(EXIT_URL);
}

const PUBLIC: Route['name'][] = ['home', 'sign-in', 'register', 'account-deleted', 'not-found'];

export function App() {
  const route = useRoute();
  const [session, setSession] = useState<Session | null>(() => readSession());

  const signOut = useCallback(() => {
    endSession();
    setSession(null);
    go({ name: 'sign-in' }, { replace: true });
  }, []);

  useEffect(() => {
    // The server ended the session (it expired): back to signing in, nothing kept.
    whenSignedOut(() => setSession(null));
  }, []);

  // The server has ended every session of the erased account: forget it here, nothing to send.
  const accountDeleted = useCallback(() => {
    clearSession();
    setSession(null);
    go({ name: 'account-deleted' }, { replace: true });
  }, []);

  const signedIn = (s: Session, next?: Route) => {
    saveSession(s);
    setSession(s);
    if (next) go(next, { replace: true });
  };

  let screen;
  if (!session && !PUBLIC.includes(route.name)) {
    screen = <SignInScreen onSignedIn={(s) => signedIn(s)} />;
  } else {
    switch (route.name) {
      case 'home':
        screen = <HomeScreen signedIn={!!session} />;
        break;
      case 'sign-in':
        screen = session ? <HomeScreen signedIn /> : <SignInScreen onSignedIn={(s) => signedIn(s, { name: 'home' })} />;
        break;
      case 'register':
        screen = <RegisterScreen onRegistered={(s) => signedIn(s, { name: 'areas' })} />;
        break;
      case 'areas':
        screen = <AreasScreen onAccountDeleted={accountDeleted} />;
        break;
      case 'report':
        screen = <ReportScreen />;
        break;
      case 'reports':
        screen = <ReportsScreen />;
        break;
      case 'report-detail':
        screen = <ReportDetailScreen id={route.id} />;
        break;
      case 'alerts':
        screen = <AlertsScreen />;
        break;
      case 'check':
        screen = <CheckScreen />;
        break;
      case 'account-deleted':
        screen = <AccountDeletedScreen />;
        break;
      default:
        screen = (
          <>
            <Heading>Page not found</Heading>
            <p>
              <Link to={{ name: 'home' }}>Go to the start</Link>
            </p>
          </>
        );
    }
  }

  return (
    <>
      <header className="top">
        <button type="button" className="quick-exit" onClick={quickExit}>
          Quick exit
        </button>
        <a className="skip-link" href="#main">
          Skip to content
        </a>
        <div className="brand">
          <Link to={{ name: 'home' }}>Lantern</Link>
        </div>
      </header>
      {session && (
        <nav aria-label="Main" className="main-nav">
          <ul>
            <li>
              <Link to={{ name: 'report' }}>Report</Link>
            </li>
            <li>
              <Link to={{ name: 'check' }}>Check a number</Link>
            </li>
            <li>
              <Link to={{ name: 'alerts' }}>Alerts</Link>
            </li>
            <li>
              <Link to={{ name: 'reports' }}>My reports</Link>
            </li>
            <li>
              <Link to={{ name: 'areas' }}>Settings</Link>
            </li>
            <li>
              <button type="button" className="link-button" onClick={signOut}>
                Sign out
              </button>
            </li>
          </ul>
        </nav>
      )}
      <main id="main" tabIndex={-1}>
        {screen}
      </main>
      <footer className="bottom">
        <p>
          In danger now? Call <a href="tel:999">999</a>. If you cannot talk, call 999, then press 55 when asked.
        </p>
      </footer>
    </>
  );
}
