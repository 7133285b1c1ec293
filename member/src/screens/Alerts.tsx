import { useEffect, useState } from 'react';
import { gql } from '../api';
import { ErrorMessage, Heading, Link, Loading } from '../ui';
import { formatDateTime, identifierLabel, INCIDENT_SHORT, type IdentifierKind, type IncidentType } from '../words';

export interface AlertItem {
  id: string;
  title: string;
  body: string;
  incidentTypes: IncidentType[];
  publishedAt: string | null;
  targetAreas: { name: string }[];
  shownIdentifiers: { kind: IdentifierKind; value: string }[];
}

export const ALERT_FIELDS = 'id title body incidentTypes publishedAt targetAreas { name } shownIdentifiers { kind value }';
const MY_ALERTS = `{ myAlerts(perPage: 50, sortOrder: DESC) { totalCount nodes { ${ALERT_FIELDS} } } }`;

export function AlertCard({ alert, level = 2 }: { alert: AlertItem; level?: 2 | 3 }) {
  const H = level === 2 ? 'h2' : 'h3';
  return (
    <article className="card alert-card">
      <H>{alert.title}</H>
      <p className="muted">
        {alert.publishedAt && <>Published {formatDateTime(alert.publishedAt)} · </>}
        {alert.targetAreas.map((a) => a.name).join(', ')}
      </p>
      <p className="muted">{alert.incidentTypes.map((t) => INCIDENT_SHORT[t]).join(', ')}</p>
      <p className="prewrap">{alert.body}</p>
      {alert.shownIdentifiers.length > 0 && (
        <ul className="identifiers">
          {alert.shownIdentifiers.map((i) => (
            <li key={`${i.kind}-${i.value}`}>
              {identifierLabel(i.kind)}: <strong>{i.value}</strong>
            </li>
          ))}
        </ul>
      )}
    </article>
  );
}

export function AlertsScreen() {
  const [alerts, setAlerts] = useState<AlertItem[] | null>(null);
  const [total, setTotal] = useState(0);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    gql<{ myAlerts: { nodes: AlertItem[]; totalCount: number } }>(MY_ALERTS).then(
      (d) => {
        setAlerts(d.myAlerts.nodes);
        setTotal(d.myAlerts.totalCount);
      },
      (e: Error) => setError(e.message),
    );
  }, []);

  return (
    <>
      <Heading>Alerts for my areas</Heading>
      <p className="hint">
        Newest first. These come from reports by other members. <Link to={{ name: 'areas' }}>Change my areas</Link>
      </p>
      <ErrorMessage error={error} />
      {!alerts && !error && <Loading />}
      {alerts && alerts.length === 0 && <p>There are no alerts for your areas right now. That does not mean an area is safe.</p>}
      {alerts && alerts.length > 0 && (
        <ul className="cards">
          {alerts.map((a) => (
            <li key={a.id}>
              <AlertCard alert={a} />
            </li>
          ))}
        </ul>
      )}
      {alerts && total > alerts.length && <p className="muted">Showing the {alerts.length} newest of {total} alerts.</p>}
    </>
  );
}
