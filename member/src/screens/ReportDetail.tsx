import { useCallback, useEffect, useRef, useState } from 'react';
import { gql } from '../api';
import { CHANGE_LATER } from '../consent';
import { ErrorMessage, Heading, Link, Loading, Notice } from '../ui';
import { CASE_STATUS, formatDate, formatDateTime, identifierLabel, INCIDENT_SHORT, POLICE_LEVEL, readFieldsInWords, type CaseStatus, type IdentifierKind, type IncidentType, type PoliceConsent } from '../words';

interface Consent {
  police: PoliceConsent;
  alerts: boolean;
  statistics: boolean;
  recordedAt: string;
  withdrawnAt: string | null;
}

interface ConsentEvent {
  at: string;
  actorRole: string | null;
  police: PoliceConsent;
  alerts: boolean;
  statistics: boolean;
  previousPolice: PoliceConsent | null;
  previousAlerts: boolean | null;
  previousStatistics: boolean | null;
}

interface Detail {
  id: string;
  reference: string;
  receivedAt: string;
  incidentDate: string;
  incidentTypes: IncidentType[];
  forceArea: { name: string } | null;
  identifiers: { kind: IdentifierKind; value: string }[];
  location: string | null;
  perpetratorDescription: string | null;
  narrative: string | null;
  caseStatus: CaseStatus | null;
  consent: Consent;
  consentHistory: ConsentEvent[];
  policeReads: { at: string; force: { name: string }; fields: string[] }[];
}

const CONSENT_FIELDS = 'consent { police alerts statistics recordedAt withdrawnAt } consentHistory { at actorRole police alerts statistics previousPolice previousAlerts previousStatistics }';
const REPORT = `query ($id: ID!) {
  report(id: $id) {
    id reference receivedAt incidentDate incidentTypes forceArea { name } identifiers { kind value }
    location perpetratorDescription narrative caseStatus
    ${CONSENT_FIELDS}
    policeReads(limit: 200) { at force { name } fields }
  }
}`;
const SET_CONSENT = `mutation ($reportId: ID!, $police: PoliceConsent!, $alerts: Boolean!, $statistics: Boolean) {
  setReportConsent(reportId: $reportId, police: $police, alerts: $alerts, statistics: $statistics) { id }
}`;

/** Police levels as short phrases, for the history. */
const POLICE_PHRASE: Record<PoliceConsent, string> = {
  NONE: 'not shared with the police',
  ANONYMOUS_INTELLIGENCE: 'shared with the police without your name',
  FULL: 'you will talk to the police, with us alongside',
};

interface Change {
  /** The button's words. */
  label: string;
  /** The question in the confirmation. */
  title: string;
  /** What happens, in the confirmation. */
  body: string;
  confirm: string;
  done: string;
  next: { police: PoliceConsent; alerts: boolean; statistics: boolean };
}

function policeChanges(c: Consent): Change[] {
  const keep = { alerts: c.alerts, statistics: c.statistics };
  const changes: Change[] = [];
  if (c.police !== 'NONE') {
    changes.push({
      label: 'Stop sharing with the police',
      title: 'Stop sharing this report with the police?',
      body: 'From now on, no police force can see this report. What they read before stays in the list of who has read it.',
      confirm: 'Yes, stop sharing',
      done: 'Done. The police can no longer see this report.',
      next: { police: 'NONE', ...keep },
    });
  }
  if (c.police !== 'ANONYMOUS_INTELLIGENCE') {
    changes.push({
      label: c.police === 'FULL' ? 'Share only without my name' : 'Let the police see it without my name',
      title: c.police === 'FULL' ? 'Share only without your name?' : 'Let the police see it without your name?',
      body:
        c.police === 'FULL'
          ? 'The police will no longer be told you want to talk to them. They can still see the report without your name or details.'
          : 'The police for the area can see what happened, when, the area, and the details about the person. Never your name, your contact details, where exactly, or your own words.',
      confirm: 'Yes, change it',
      done: 'Done. The police can see this report without your name.',
      next: { police: 'ANONYMOUS_INTELLIGENCE', ...keep },
    });
  }
  if (c.police !== 'FULL') {
    changes.push({
      label: 'I want to talk to the police',
      title: 'Talk to the police about this, with us alongside you?',
      body: 'We tell the police you are willing to talk, and they can ask to speak to you through us. You can change your mind later.',
      confirm: 'Yes, I want to talk to them',
      done: 'Done. We will tell the police you are willing to talk.',
      next: { police: 'FULL', ...keep },
    });
  }
  return changes;
}

function alertsChange(c: Consent): Change {
  return c.alerts
    ? {
        label: 'Stop using it for alerts',
        title: 'Stop using this report for alerts?',
        body: 'We will not use it for any new alert. If an alert has already gone out, contact us and we will look at it again.',
        confirm: 'Yes, stop',
        done: 'Done. We will not use this report for new alerts.',
        next: { police: c.police, alerts: false, statistics: c.statistics },
      }
    : {
        label: 'Allow alerts from it',
        title: 'May we warn other members about this person?',
        body: 'We may write an alert for members in the same area. It never includes your name, your details, or anything that could show it was you.',
        confirm: 'Yes, allow alerts',
        done: 'Done. We may use this report for an alert.',
        next: { police: c.police, alerts: true, statistics: c.statistics },
      };
}

function statisticsChange(c: Consent): Change {
  return c.statistics
    ? {
        label: 'Do not count it in figures',
        title: 'Leave this report out of published figures?',
        body: 'We will not count it in figures we publish from now on.',
        confirm: 'Yes, leave it out',
        done: 'Done. It will not be counted in published figures.',
        next: { police: c.police, alerts: c.alerts, statistics: false },
      }
    : {
        label: 'Count it in figures',
        title: 'Count this report in published figures?',
        body: 'Only as a number, with no details.',
        confirm: 'Yes, count it',
        done: 'Done. It may be counted in published figures.',
        next: { police: c.police, alerts: c.alerts, statistics: true },
      };
}

function who(role: string | null): string {
  return role === 'MEMBER' ? 'You' : 'Our team, as you asked';
}

function historyLines(e: ConsentEvent): string[] {
  if (e.previousPolice === null && e.previousAlerts === null) {
    return [`Police: ${POLICE_PHRASE[e.police]}.`, `Alerts: ${e.alerts ? 'allowed' : 'not allowed'}.`, `Figures: ${e.statistics ? 'may be counted' : 'not counted'}.`];
  }
  const lines: string[] = [];
  if (e.previousPolice !== e.police) lines.push(`Police: changed from “${POLICE_PHRASE[e.previousPolice ?? 'NONE']}” to “${POLICE_PHRASE[e.police]}”.`);
  if (e.previousAlerts !== e.alerts) lines.push(`Alerts: ${e.alerts ? 'now allowed' : 'no longer allowed'}.`);
  if (e.previousStatistics !== null && e.previousStatistics !== e.statistics) lines.push(`Figures: ${e.statistics ? 'may now be counted' : 'no longer counted'}.`);
  return lines.length ? lines : ['Confirmed, nothing changed.'];
}

export function ReportDetailScreen({ id }: { id: string }) {
  const [report, setReport] = useState<Detail | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [pending, setPending] = useState<Change | null>(null);
  const [busy, setBusy] = useState(false);
  const consentHeading = useRef<HTMLHeadingElement>(null);

  const load = useCallback(
    () =>
      gql<{ report: Detail }>(REPORT, { id }).then(
        (d) => setReport(d.report),
        (e: Error) => setError(e.message),
      ),
    [id],
  );
  useEffect(() => {
    void load();
  }, [load]);

  const apply = async () => {
    if (!pending) return;
    setBusy(true);
    setError(null);
    try {
      await gql(SET_CONSENT, { reportId: id, ...pending.next });
      const done = pending.done;
      setPending(null);
      await load();
      setNotice(done);
      consentHeading.current?.focus();
    } catch (e) {
      setPending(null);
      setError(`Nothing was changed. ${(e as Error).message}`);
    } finally {
      setBusy(false);
    }
  };

  if (!report) {
    return (
      <>
        <Heading>Your report</Heading>
        <ErrorMessage error={error} />
        {!error && <Loading />}
        <p>
          <Link to={{ name: 'reports' }}>Back to my reports</Link>
        </p>
      </>
    );
  }

  const c = report.consent;
  const changeButton = (change: Change) => (
    <button
      key={change.label}
      type="button"
      onClick={() => {
        setNotice(null);
        setPending(change);
      }}
    >
      {change.label}
    </button>
  );

  return (
    <>
      <Heading>Report {report.reference}</Heading>
      <p className="muted">
        Sent on {formatDateTime(report.receivedAt)}. {report.incidentTypes.map((t) => INCIDENT_SHORT[t]).join(', ')} on {formatDate(report.incidentDate)}
        {report.forceArea && <>, {report.forceArea.name} area</>}.
      </p>

      <section aria-labelledby="status-h">
        <h2 id="status-h">How it is going</h2>
        <p>{CASE_STATUS[report.caseStatus ?? 'NONE']}</p>
      </section>

      <section aria-labelledby="consent-h">
        <h2 id="consent-h" ref={consentHeading} tabIndex={-1}>
          What you agreed
        </h2>
        <ErrorMessage error={error} />
        <Notice text={notice} />
        <div className="consent-item">
          <h3>The police</h3>
          <p>{POLICE_LEVEL[c.police]}</p>
          {c.withdrawnAt && <p className="muted">Police sharing was last reduced on {formatDateTime(c.withdrawnAt)}.</p>}
          <div className="actions">{policeChanges(c).map(changeButton)}</div>
        </div>
        <div className="consent-item">
          <h3>Alerts to other members</h3>
          <p>{c.alerts ? 'We may use it for an alert, never with your details.' : 'We will not use it for alerts.'}</p>
          <div className="actions">{changeButton(alertsChange(c))}</div>
        </div>
        <div className="consent-item">
          <h3>Published figures</h3>
          <p>{c.statistics ? 'We may count it, as a number only.' : 'We will not count it.'}</p>
          <div className="actions">{changeButton(statisticsChange(c))}</div>
        </div>
        <p className="muted">Last changed on {formatDateTime(c.recordedAt)}. {CHANGE_LATER}</p>
      </section>

      <section aria-labelledby="reads-h">
        <h2 id="reads-h">Who has read your report</h2>
        <p className="hint">Every time a police officer reads your report, it is recorded here. Our own team reads reports to support you.</p>
        {report.policeReads.length === 0 ? (
          <p>No police force has read this report.</p>
        ) : (
          <ul className="reads">
            {report.policeReads.map((r, i) => (
              <li key={`${r.at}-${i}`}>
                <strong>{r.force.name}</strong> read it on {formatDateTime(r.at)}. They saw {readFieldsInWords(r.fields)}.
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="history-h">
        <h2 id="history-h">Changes to what you agreed</h2>
        <ol className="history">
          {[...report.consentHistory].reverse().map((e, i) => (
            <li key={`${e.at}-${i}`}>
              <p>
                <strong>{formatDateTime(e.at)}</strong> · {who(e.actorRole)}
              </p>
              <ul className="plain-list">
                {historyLines(e).map((l) => (
                  <li key={l}>{l}</li>
                ))}
              </ul>
            </li>
          ))}
        </ol>
      </section>

      <section aria-labelledby="told-h">
        <h2 id="told-h">What you told us</h2>
        <details>
          <summary>Show what you told us</summary>
          <dl className="summary">
            {report.location && (
              <>
                <dt>Where</dt>
                <dd>{report.location}</dd>
              </>
            )}
            {report.perpetratorDescription && (
              <>
                <dt>What they looked like</dt>
                <dd>{report.perpetratorDescription}</dd>
              </>
            )}
            {report.identifiers.length > 0 && (
              <>
                <dt>How they contacted you</dt>
                <dd>
                  <ul className="plain-list">
                    {report.identifiers.map((i) => (
                      <li key={`${i.kind}-${i.value}`}>
                        {identifierLabel(i.kind)}: {i.value}
                      </li>
                    ))}
                  </ul>
                </dd>
              </>
            )}
            <dt>In your words</dt>
            <dd className="prewrap">{report.narrative}</dd>
          </dl>
        </details>
      </section>

      <p>
        <Link to={{ name: 'reports' }}>Back to my reports</Link>
      </p>

      {pending && <ConfirmDialog change={pending} busy={busy} onConfirm={apply} onCancel={() => setPending(null)} />}
    </>
  );
}

/** A modal confirmation (native <dialog>: focus is trapped, Escape cancels). */
function ConfirmDialog({ change, busy, onConfirm, onCancel }: { change: Change; busy: boolean; onConfirm: () => void; onCancel: () => void }) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
    return () => dialog?.close();
  }, []);
  return (
    <dialog
      ref={ref}
      aria-labelledby="confirm-title"
      aria-describedby="confirm-body"
      onCancel={(e) => {
        e.preventDefault();
        if (!busy) onCancel();
      }}
    >
      <h2 id="confirm-title">{change.title}</h2>
      <p id="confirm-body">{change.body}</p>
      <p>It works straight away. You can change it again later.</p>
      <div className="actions">
        <button type="button" className="primary" onClick={onConfirm} disabled={busy}>
          {busy ? 'Saving…' : change.confirm}
        </button>
        <button type="button" onClick={onCancel} disabled={busy}>
          Cancel
        </button>
      </div>
    </dialog>
  );
}
