import { Heading, Link } from '../ui';

export function HomeScreen({ signedIn }: { signedIn: boolean }) {
  if (!signedIn) {
    return (
      <>
        <Heading>Stay safer at work</Heading>
        <p>Lantern is run by sex workers and the people who support them.</p>
        <ul className="plain-list">
          <li>Tell us about a bad client or attacker. You choose what happens next.</li>
          <li>Get warnings about dangerous people in the areas you work.</li>
          <li>Check a number before a booking.</li>
        </ul>
        <p>We never share your name or details without asking you first.</p>
        <div className="actions">
          <Link className="button primary" to={{ name: 'sign-in' }}>
            Sign in
          </Link>
          <Link className="button" to={{ name: 'register' }}>
            Create an account
          </Link>
        </div>
      </>
    );
  }
  return (
    <>
      <Heading>What do you want to do?</Heading>
      <ul className="menu">
        <li>
          <Link to={{ name: 'report' }}>
            <strong>Report something that happened</strong>
            <span>It takes a few minutes. You choose who can see it.</span>
          </Link>
        </li>
        <li>
          <Link to={{ name: 'check' }}>
            <strong>Check a number before a booking</strong>
            <span>A phone number, e-mail, car or online name.</span>
          </Link>
        </li>
        <li>
          <Link to={{ name: 'alerts' }}>
            <strong>Alerts for my areas</strong>
            <span>Warnings from other members, newest first.</span>
          </Link>
        </li>
        <li>
          <Link to={{ name: 'reports' }}>
            <strong>My reports</strong>
            <span>See what is happening, change what you share, see who read it.</span>
          </Link>
        </li>
        <li>
          <Link to={{ name: 'areas' }}>
            <strong>My areas and settings</strong>
            <span>Where you work, and alerts by e-mail.</span>
          </Link>
        </li>
      </ul>
    </>
  );
}
