import { useEffect, useId, useState, type FormEvent, type ReactNode } from 'react';
import { ApiError, gql } from '../api';
import { agreedLines, ALERTS_QUESTION, ANONYMOUS_QUESTION, CHANGE_LATER, fullQuestion, policeLevel, STATISTICS_QUESTION, type ContactRoute } from '../consent';
import { ForceSelect, useForces } from '../forces';
import { Checkbox, ErrorMessage, focusNextHeading, Heading, Link, Loading, RadioGroup, TextField } from '../ui';
import { formatDate, formatDateTime, IDENTIFIER_KINDS, identifierLabel, INCIDENT_SHORT, INCIDENT_TYPES, today, type IdentifierKind, type IncidentType, type PoliceConsent } from '../words';

interface IdentifierRow {
  key: number;
  kind: IdentifierKind;
  value: string;
}

interface Draft {
  incidentTypes: IncidentType[];
  incidentDate: string;
  forceAreaId: string;
  location: string;
  perpetratorDescription: string;
  identifiers: IdentifierRow[];
  narrative: string;
  alerts: boolean | null;
  anonymous: boolean | null;
  full: boolean | null;
  statistics: boolean | null;
}

interface Receipt {
  id: string;
  reference: string;
  receivedAt: string;
  consent: { police: PoliceConsent; alerts: boolean; statistics: boolean; recordedAt: string };
}

const SUBMIT = `mutation ($input: SubmitReportInput!) {
  submitReport(input: $input) { id reference receivedAt consent { police alerts statistics recordedAt } }
}`;

const STEPS = ['what', 'when', 'person', 'story', 'alerts', 'anonymous', 'full', 'statistics', 'check'] as const;
type Step = (typeof STEPS)[number];
type Errors = Record<string, string>;

let rowKey = 0;
const emptyRow = (): IdentifierRow => ({ key: ++rowKey, kind: 'PHONE', value: '' });

const yesNo = [
  { value: 'yes' as const, label: 'Yes' },
  { value: 'no' as const, label: 'No' },
];
const asChoice = (v: boolean | null) => (v === null ? null : v ? 'yes' : 'no');

/** Which step holds a field the server refused. */
function stepOfField(field: string | undefined): Step {
  if (!field) return 'check';
  if (field.startsWith('incidentTypes')) return 'what';
  if (field === 'incidentDate' || field === 'forceAreaId' || field === 'location') return 'when';
  if (field.startsWith('identifiers') || field === 'perpetratorDescription') return 'person';
  if (field === 'narrative') return 'story';
  return 'check';
}

export function ReportScreen() {
  const { forces, error: forcesError } = useForces();
  const [route, setRoute] = useState<ContactRoute | null>(null);
  const [step, setStep] = useState<Step>('what');
  const [submissionKey] = useState(newSubmissionKey);
  const [draft, setDraft] = useState<Draft>(() => ({
    incidentTypes: [],
    incidentDate: '',
    forceAreaId: '',
    location: '',
    perpetratorDescription: '',
    identifiers: [emptyRow()],
    narrative: '',
    alerts: null,
    anonymous: null,
    full: null,
    statistics: null,
  }));
  const [errors, setErrors] = useState<Errors>({});
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [receipt, setReceipt] = useState<Receipt | null>(null);

  useEffect(() => {
    gql<{ myMember: { policeContactRoute: ContactRoute | null } }>('{ myMember { policeContactRoute } }').then(
      (d) => setRoute(d.myMember.policeContactRoute),
      () => setRoute(null),
    );
  }, []);

  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => setDraft((d) => ({ ...d, [key]: value }));
  const index = STEPS.indexOf(step);
  const moveTo = (s: Step) => {
    focusNextHeading();
    setStep(s);
    window.scrollTo(0, 0);
  };

  const validate = (s: Step): Errors => {
    const e: Errors = {};
    if (s === 'what' && draft.incidentTypes.length === 0) e.incidentTypes = 'Choose at least one. If none fit, choose “Something else”.';
    if (s === 'when') {
      if (!draft.incidentDate) e.incidentDate = 'Enter the day it happened. If you are not sure, choose the closest day.';
      else if (draft.incidentDate > today()) e.incidentDate = 'The day cannot be in the future.';
      if (!draft.forceAreaId) e.forceAreaId = 'Choose the police area where it happened.';
    }
    if (s === 'story' && !draft.narrative.trim()) e.narrative = 'Tell us a little about what happened. A few words is enough.';
    if (s === 'alerts' && draft.alerts === null) e.alerts = 'Choose yes or no.';
    if (s === 'anonymous' && draft.anonymous === null) e.anonymous = 'Choose yes or no.';
    if (s === 'full' && draft.full === null) e.full = 'Choose yes or no.';
    if (s === 'statistics' && draft.statistics === null) e.statistics = 'Choose yes or no.';
    return e;
  };

  const next = (e: FormEvent) => {
    e.preventDefault();
    const found = validate(step);
    setErrors(found);
    if (Object.keys(found).length) {
      setError('Please answer the question marked below.');
      return;
    }
    setError(null);
    moveTo(STEPS[index + 1]);
  };

  const back = () => {
    setErrors({});
    setError(null);
    moveTo(STEPS[index - 1]);
  };

  const send = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    const identifiers = draft.identifiers.filter((i) => i.value.trim());
    try {
      const { submitReport } = await gql<{ submitReport: Receipt }>(SUBMIT, {
        input: {
          incidentTypes: draft.incidentTypes,
          incidentDate: draft.incidentDate,
          forceAreaId: draft.forceAreaId,
          location: draft.location.trim() || null,
          perpetratorDescription: draft.perpetratorDescription.trim() || null,
          identifiers: identifiers.map(({ kind, value }) => ({ kind, value: value.trim() })),
          narrative: draft.narrative.trim(),
          consent: { police: policeLevel(!!draft.anonymous, !!draft.full), alerts: !!draft.alerts, statistics: !!draft.statistics },
          // The same key on every try of this report: a retry after a dropped connection never makes a second one.
          idempotencyKey: submissionKey,
        },
      });
      focusNextHeading();
      setReceipt(submitReport);
      window.scrollTo(0, 0);
    } catch (err) {
      if (err instanceof ApiError && err.code === 'BAD_USER_INPUT' && err.field) {
        // identifiers.N.value counts only the rows that were sent: find that row among all of them.
        let field = err.field;
        const m = /^identifiers\.(\d+)\.value$/.exec(field);
        if (m) field = `identifier-${identifiers[Number(m[1])]?.key}`;
        setErrors({ [field]: err.message });
        setError('Something needs checking. We have taken you back to it.');
        moveTo(stepOfField(err.field));
      } else {
        setError(`Your report was not sent. ${(err as Error).message}`);
      }
    } finally {
      setBusy(false);
    }
  };

  if (receipt) return <ReceiptView receipt={receipt} forceName={forces?.find((f) => f.id === draft.forceAreaId)?.name ?? ''} route={route} />;
  if (!forces) {
    return (
      <>
        <Heading>Report something that happened</Heading>
        <ErrorMessage error={forcesError} />
        {!forcesError && <Loading />}
      </>
    );
  }

  const progress = (
    <p className="progress">
      Step {index + 1} of {STEPS.length}
    </p>
  );
  const buttons = (label = 'Continue') => (
    <div className="actions">
      <button type="submit" className="primary" disabled={busy}>
        {label}
      </button>
      {index > 0 && (
        <button type="button" onClick={back} disabled={busy}>
          Back
        </button>
      )}
    </div>
  );
  const frame = (title: string, body: ReactNode, label?: string, onSubmit = next) => (
    <>
      {progress}
      <Heading key={`heading-${step}`}>{title}</Heading>
      <form key={`form-${step}`} onSubmit={onSubmit} noValidate>
        <ErrorMessage error={error} />
        {body}
        {buttons(label)}
      </form>
    </>
  );
  const consentQuestion = (key: 'alerts' | 'anonymous' | 'full' | 'statistics', q: { question: string; meaning: string }) =>
    frame(
      'What may we do with your report?',
      <RadioGroup
        big
        legend={q.question}
        hint={
          <>
            <p>{q.meaning}</p>
            <p>{CHANGE_LATER}</p>
          </>
        }
        name={key}
        choices={yesNo}
        value={asChoice(draft[key])}
        onChange={(v) => set(key, v === 'yes')}
        error={errors[key]}
      />,
    );

  switch (step) {
    case 'what':
      return frame(
        'What happened?',
        <fieldset className={`field${errors.incidentTypes ? ' field-error' : ''}`} aria-describedby="what-hint">
          <legend>Choose all that apply</legend>
          <p id="what-hint" className="hint">
            Take your time. You can stop at any point: nothing is sent until the last step.
          </p>
          {errors.incidentTypes && <p className="field-message">{errors.incidentTypes}</p>}
          <div className="choices">
            {INCIDENT_TYPES.map((t) => (
              <Checkbox key={t.value} label={t.label} checked={draft.incidentTypes.includes(t.value)} onChange={(on) => set('incidentTypes', on ? [...draft.incidentTypes, t.value] : draft.incidentTypes.filter((x) => x !== t.value))} />
            ))}
          </div>
        </fieldset>,
      );
    case 'when':
      return frame(
        'When and where?',
        <>
          <TextField label="When did it happen?" hint="If you are not sure, choose the closest day." type="date" max={today()} min="1990-01-01" value={draft.incidentDate} onChange={(v) => set('incidentDate', v)} error={errors.incidentDate} required />
          <ForceSelect forces={forces} label="Which police area was it in?" hint="Areas are grouped by nation and region." value={draft.forceAreaId} onChange={(v) => set('forceAreaId', v)} error={errors.forceAreaId} />
          <TextField label="Where was it?" hint="For example a street, hotel or town. This stays with our team: it never goes to the police or into an alert." value={draft.location} onChange={(v) => set('location', v)} error={errors.location} />
        </>,
      );
    case 'person':
      return frame(
        'About the person',
        <>
          <TextField
            label="What did they look like?"
            hint="Age, height, build, hair, clothes, accent, tattoos, car. Anything that could help others recognise them."
            multiline
            rows={4}
            value={draft.perpetratorDescription}
            onChange={(v) => set('perpetratorDescription', v)}
            error={errors.perpetratorDescription}
          />
          <fieldset className="field">
            <legend>How did they contact you?</legend>
            <p className="hint">A phone number, e-mail, car registration, online name or a name they used. Leave empty if you do not know.</p>
            {draft.identifiers.map((row, i) => (
              <IdentifierEditor
                key={row.key}
                row={row}
                number={i + 1}
                error={errors[`identifier-${row.key}`]}
                onChange={(r) => set('identifiers', draft.identifiers.map((x) => (x.key === r.key ? r : x)))}
                onRemove={draft.identifiers.length > 1 ? () => set('identifiers', draft.identifiers.filter((x) => x.key !== row.key)) : undefined}
              />
            ))}
            {draft.identifiers.length < 20 && (
              <button type="button" onClick={() => set('identifiers', [...draft.identifiers, emptyRow()])}>
                Add another contact detail
              </button>
            )}
          </fieldset>
        </>,
      );
    case 'story':
      return frame(
        'What happened, in your own words',
        <TextField
          label="Tell us what happened"
          hint="Write as much or as little as you like. This stays with our team: the police never see your own words."
          multiline
          rows={8}
          value={draft.narrative}
          onChange={(v) => set('narrative', v)}
          error={errors.narrative}
          required
        />,
      );
    case 'alerts':
      return consentQuestion('alerts', ALERTS_QUESTION);
    case 'anonymous':
      return consentQuestion('anonymous', ANONYMOUS_QUESTION);
    case 'full':
      return consentQuestion('full', fullQuestion(route));
    case 'statistics':
      return consentQuestion('statistics', STATISTICS_QUESTION);
    case 'check': {
      const consent = { police: policeLevel(!!draft.anonymous, !!draft.full), alerts: !!draft.alerts, statistics: !!draft.statistics };
      const ids = draft.identifiers.filter((i) => i.value.trim());
      return frame(
        'Check and send',
        <>
          <dl className="summary">
            <dt>What happened</dt>
            <dd>{draft.incidentTypes.map((t) => INCIDENT_SHORT[t]).join(', ')}</dd>
            <dt>When</dt>
            <dd>{formatDate(draft.incidentDate)}</dd>
            <dt>Police area</dt>
            <dd>{forces.find((f) => f.id === draft.forceAreaId)?.name}</dd>
            {draft.location.trim() && (
              <>
                <dt>Where</dt>
                <dd>{draft.location}</dd>
              </>
            )}
            {ids.length > 0 && (
              <>
                <dt>How they contacted you</dt>
                <dd>
                  <ul className="plain-list">
                    {ids.map((i) => (
                      <li key={i.key}>
                        {identifierLabel(i.kind)}: {i.value}
                      </li>
                    ))}
                  </ul>
                </dd>
              </>
            )}
          </dl>
          <h2>What you agreed</h2>
          <ul className="agreed">
            {agreedLines(consent, route).map((l) => (
              <li key={l}>{l}</li>
            ))}
          </ul>
          <p>{CHANGE_LATER}</p>
        </>,
        busy ? 'Sending…' : 'Send my report',
        send,
      );
    }
  }
}

function IdentifierEditor({ row, number, error, onChange, onRemove }: { row: IdentifierRow; number: number; error?: string; onChange: (r: IdentifierRow) => void; onRemove?: () => void }) {
  const id = useId();
  const kind = IDENTIFIER_KINDS.find((k) => k.value === row.kind)!;
  return (
    <div className={`identifier-row${error ? ' field-error' : ''}`}>
      <label htmlFor={`${id}-kind`}>Contact detail {number}: what is it?</label>
      <select id={`${id}-kind`} value={row.kind} onChange={(e) => onChange({ ...row, kind: e.target.value as IdentifierKind })}>
        {IDENTIFIER_KINDS.map((k) => (
          <option key={k.value} value={k.value}>
            {k.label}
          </option>
        ))}
      </select>
      <label htmlFor={`${id}-value`}>{kind.label}</label>
      <p id={`${id}-hint`} className="hint">
        {kind.hint}
      </p>
      {error && (
        <p id={`${id}-error`} className="field-message">
          {error}
        </p>
      )}
      <input
        id={`${id}-value`}
        type={kind.inputMode === 'email' ? 'email' : kind.inputMode === 'tel' ? 'tel' : 'text'}
        inputMode={kind.inputMode}
        autoComplete="off"
        spellCheck={false}
        value={row.value}
        aria-invalid={error ? true : undefined}
        aria-describedby={`${id}-hint${error ? ` ${id}-error` : ''}`}
        onChange={(e) => onChange({ ...row, value: e.target.value })}
      />
      {onRemove && (
        <button type="button" className="link-button" onClick={onRemove}>
          Remove contact detail {number}
        </button>
      )}
    </div>
  );
}

function ReceiptView({ receipt, forceName, route }: { receipt: Receipt; forceName: string; route: ContactRoute | null }) {
  return (
    <>
      <Heading>Thank you. We have your report.</Heading>
      <div className="receipt">
        <p>Your reference</p>
        <p className="reference">{receipt.reference}</p>
        <p>
          Sent on {formatDateTime(receipt.receivedAt)}
          {forceName && <> about something in the {forceName} area</>}.
        </p>
      </div>
      <h2>What you agreed</h2>
      <ul className="agreed">
        {agreedLines(receipt.consent, route).map((l) => (
          <li key={l}>{l}</li>
        ))}
      </ul>
      <p>Agreed on {formatDateTime(receipt.consent.recordedAt)}. {CHANGE_LATER}</p>
      <h2>What happens next</h2>
      <p>Someone from our team will read your report. You can see how it is going, and who has read it, in “My reports”.</p>
      <div className="actions">
        <Link className="button primary" to={{ name: 'report-detail', id: receipt.id }}>
          See this report
        </Link>
        <Link className="button" to={{ name: 'home' }}>
          Back to the start
        </Link>
      </div>
    </>
  );
}

/** A random key for one report (sent again on a retry): 32 hex digits from the browser's CSPRNG. */
function newSubmissionKey(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}
