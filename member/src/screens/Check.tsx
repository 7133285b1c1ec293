import { useState, type FormEvent } from 'react';
import { ApiError, gql } from '../api';
import { ErrorMessage, Heading, RadioGroup, TextField } from '../ui';
import { identifierLabel, IDENTIFIER_KINDS, type IdentifierKind } from '../words';
import { AlertCard, ALERT_FIELDS, type AlertItem } from './Alerts';

const CHECK = `query ($kind: IdentifierKind!, $value: String!) {
  checkIdentifier(kind: $kind, value: $value) { value note alerts { ${ALERT_FIELDS} } }
}`;

const KINDS = IDENTIFIER_KINDS.filter((k) => k.value !== 'NAME');

interface Result {
  kind: IdentifierKind;
  value: string;
  alerts: AlertItem[];
}

export function CheckScreen() {
  const [kind, setKind] = useState<IdentifierKind>('PHONE');
  const [value, setValue] = useState('');
  const [fieldError, setFieldError] = useState<string | undefined>();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<Result | null>(null);
  const meta = KINDS.find((k) => k.value === kind)!;

  const check = async (e: FormEvent) => {
    e.preventDefault();
    setResult(null);
    setFieldError(undefined);
    if (!value.trim()) {
      setFieldError(`Enter the ${meta.label.toLowerCase()} to check.`);
      setError('Please check the answer marked below.');
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const { checkIdentifier } = await gql<{ checkIdentifier: { value: string; note: string; alerts: AlertItem[] } }>(CHECK, { kind, value: value.trim() });
      setResult({ kind, value: checkIdentifier.value, alerts: checkIdentifier.alerts });
    } catch (err) {
      if (err instanceof ApiError && err.code === 'BAD_USER_INPUT') {
        setFieldError(`That does not look like a ${meta.label.toLowerCase()}. ${err.message}`);
        setError('Please check the answer marked below.');
      } else setError((err as Error).message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <Heading>Check before a booking</Heading>
      <p>See if a phone number, e-mail, car or online name is in a published alert.</p>
      <form onSubmit={check} noValidate>
        <ErrorMessage error={error} />
        <RadioGroup
          legend="What do you want to check?"
          name="kind"
          choices={KINDS.map((k) => ({ value: k.value, label: k.label }))}
          value={kind}
          onChange={(k) => {
            setKind(k);
            setResult(null);
          }}
        />
        <TextField label={meta.label} hint={meta.hint} type={meta.inputMode === 'email' ? 'email' : meta.inputMode === 'tel' ? 'tel' : 'text'} inputMode={meta.inputMode} value={value} onChange={setValue} error={fieldError} required />
        <button type="submit" className="primary" disabled={busy}>
          {busy ? 'Checking…' : 'Check'}
        </button>
      </form>
      <div aria-live="polite" className="check-result">
        {result && result.alerts.length > 0 && (
          <section className="result result-warning" aria-labelledby="result-h">
            <h2 id="result-h">
              Warning: {result.alerts.length === 1 ? '1 published alert mentions' : `${result.alerts.length} published alerts mention`} this {identifierLabel(result.kind).toLowerCase()}
            </h2>
            <p>
              We checked <strong>{result.value}</strong>. Please read the alert{result.alerts.length > 1 ? 's' : ''} before you decide. If you still go ahead, tell someone where you will be.
            </p>
            {result.alerts.map((a) => (
              <AlertCard key={a.id} alert={a} level={3} />
            ))}
          </section>
        )}
        {result && result.alerts.length === 0 && (
          <section className="result result-none" aria-labelledby="result-h">
            <h2 id="result-h">No published alert mentions this {identifierLabel(result.kind).toLowerCase()}</h2>
            <p>
              We checked <strong>{result.value}</strong>.
            </p>
            <p>
              <strong>This does not mean the person is safe.</strong> Not all harm is reported, and people change their numbers. Trust your instincts, tell someone where you will be, and tell us if something happens.
            </p>
          </section>
        )}
      </div>
    </>
  );
}
