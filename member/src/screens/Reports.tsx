import { useEffect, useState } from 'react';
import { gql } from '../api';
import { ErrorMessage, Heading, Link, Loading } from '../ui';
import { CASE_STATUS, formatDate, INCIDENT_SHORT, POLICE_LEVEL, type CaseStatus, type IncidentType, type PoliceConsent } from '../words';

interface Row {
  id: string;
  reference: string;
  receivedAt: string;
  incidentDate: string;
  incidentTypes: IncidentType[];
  caseStatus: CaseStatus | null;
  forceArea: { name: string } | null;
  consent: { police: PoliceConsent } | null;
}

const MY_REPORTS = `{
  myReports(perPage: 100, sortField: receivedAt, sortOrder: DESC) {
    totalCount
    nodes { id reference receivedAt incidentDate incidentTypes caseStatus forceArea { name } consent { police } }
  }
}`;

export function ReportsScreen() {
  const [rows, setRows] = useState<Row[] | null>(null);
  const [total, setTotal] = useState(0);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    gql<{ myReports: { nodes: Row[]; totalCount: number } }>(MY_REPORTS).then(
      (d) => {
        setRows(d.myReports.nodes);
        setTotal(d.myReports.totalCount);
      },
      (e: Error) => setError(e.message),
    );
  }, []);

  return (
    <>
      <Heading>My reports</Heading>
      <ErrorMessage error={error} />
      {!rows && !error && <Loading />}
      {rows && rows.length === 0 && (
        <p>
          You have not sent a report yet. <Link to={{ name: 'report' }}>Report something that happened</Link>
        </p>
      )}
      {rows && rows.length > 0 && (
        <ul className="cards">
          {rows.map((r) => (
            <li key={r.id} className="card">
              <h2>
                <Link to={{ name: 'report-detail', id: r.id }}>{r.reference}</Link>
              </h2>
              <p>
                {r.incidentTypes.map((t) => INCIDENT_SHORT[t]).join(', ')} · {formatDate(r.incidentDate)}
                {r.forceArea && <> · {r.forceArea.name}</>}
              </p>
              <p>{CASE_STATUS[r.caseStatus ?? 'NONE']}</p>
              {r.consent && <p className="muted">{POLICE_LEVEL[r.consent.police]}</p>}
            </li>
          ))}
        </ul>
      )}
      {rows && total > rows.length && <p className="muted">Showing your {rows.length} newest reports of {total}.</p>}
    </>
  );
}
