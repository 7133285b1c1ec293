import { useEffect, useState, type FormEvent } from 'react';
import { gql } from '../api';
import { ForceCheckboxes, useForces } from '../forces';
import { Checkbox, ErrorMessage, Heading, Link, Loading, Notice, TextField } from '../ui';
import { DeleteAccountSection } from './DeleteAccount';

interface MyMember {
  pseudonym: string;
  alertAreas: { id: string }[];
  emailAlerts: boolean;
  contactEmail: string | null;
}

const MY_MEMBER = '{ myMember { pseudonym alertAreas { id } emailAlerts contactEmail } }';
const UPDATE = `mutation ($input: UpdateMyMemberInput!) {
  updateMyMember(input: $input) { alertAreas { id } emailAlerts contactEmail }
}`;

export function AreasScreen({ onAccountDeleted }: { onAccountDeleted: () => void }) {
  const { forces, error: forcesError } = useForces();
  const [member, setMember] = useState<MyMember | null>(null);
  const [areas, setAreas] = useState<string[]>([]);
  const [emailAlerts, setEmailAlerts] = useState(false);
  const [contactEmail, setContactEmail] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [emailError, setEmailError] = useState<string | undefined>();
  const [saved, setSaved] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    gql<{ myMember: MyMember }>(MY_MEMBER).then(
      ({ myMember }) => {
        setMember(myMember);
        setAreas(myMember.alertAreas.map((a) => a.id));
        setEmailAlerts(myMember.emailAlerts);
        setContactEmail(myMember.contactEmail ?? '');
      },
      (e: Error) => setError(e.message),
    );
  }, []);

  const save = async (e: FormEvent) => {
    e.preventDefault();
    setSaved(null);
    setEmailError(undefined);
    if (contactEmail.trim() && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(contactEmail.trim())) {
      setEmailError('Enter an e-mail address, like name@example.com, or leave it empty.');
      setError('Please check the answer marked below.');
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await gql(UPDATE, { input: { alertAreaIds: areas, emailAlerts, contactEmail: contactEmail.trim() } });
      setSaved(areas.length ? `Saved. You will see alerts for ${areas.length === 1 ? '1 area' : `${areas.length} areas`}.` : 'Saved. You have not chosen any areas yet, so you will not see alerts.');
    } catch (err) {
      setError((err as Error).message);
    } finally {
      setBusy(false);
    }
  };

  if (!member || !forces) {
    return (
      <>
        <Heading>My areas and settings</Heading>
        <ErrorMessage error={error ?? forcesError} />
        {!(error ?? forcesError) && <Loading />}
      </>
    );
  }

  return (
    <>
      <Heading>My areas and settings</Heading>
      {member.alertAreas.length === 0 && <p>Welcome, {member.pseudonym}. Choose the areas where you work, and we will show you alerts for them.</p>}
      <form onSubmit={save} noValidate>
        <ErrorMessage error={error} />
        <h2>Where do you work?</h2>
        <p className="hint">Choose one or more police areas. Open a region to see its areas.</p>
        <ForceCheckboxes forces={forces} selected={areas} onChange={setAreas} />
        <h2>Alerts by e-mail</h2>
        <Checkbox label="E-mail me new alerts for my areas" hint="Each new alert for your areas is also sent to you by e-mail." checked={emailAlerts} onChange={setEmailAlerts} />
        <TextField
          label="Send alert e-mails to"
          hint="Leave empty to use the address you sign in with. Use an address that is safe for you."
          type="email"
          inputMode="email"
          value={contactEmail}
          onChange={setContactEmail}
          error={emailError}
        />
        <Notice text={saved} />
        <button type="submit" className="primary" disabled={busy}>
          {busy ? 'Saving…' : 'Save'}
        </button>
      </form>
      <DeleteAccountSection onDeleted={onAccountDeleted} />
      <p>
        <Link to={{ name: 'home' }}>Back to the start</Link>
      </p>
    </>
  );
}
