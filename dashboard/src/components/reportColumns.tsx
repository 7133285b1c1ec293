import type { ReactElement } from 'react';
import { DataTable, DateField, SelectField, TextField } from 'react-admin';
import { ReportReferenceLink } from '../resources/reports/ReportReferenceLink';
import { caseStatusChoices, reportStatusChoices } from '../resources/reports/report';
import { DayField } from './DayField';
import { EnumChipsField } from './EnumChipsField';

export type ReportColumn =
  | 'reference'
  | 'plainReference'
  | 'receivedAt'
  | 'incidentDate'
  | 'forceArea'
  | 'incidentTypes'
  | 'consent.police'
  | 'status'
  | 'caseStatus';

interface ReportColumnsOptions {
  /** Whether reference, dates and status sort the list (a list of reports), or nothing sorts (a nested table). */
  sortable?: boolean;
  /** The police consent choices shown (police only see those they may read). */
  consentChoices?: { id: string; name: string }[];
}

/**
 * The columns of a table of reports (the report lists, linked reports, a member's reports), by
 * name, in the order given. An array of DataTable columns, to spread among DataTable's children
 * (so that DataTable counts and orders each column as its own child).
 */
export function reportColumns(columns: ReportColumn[], { sortable = false, consentChoices = [] }: ReportColumnsOptions = {}) {
  const disableSort = !sortable;
  const column = (name: ReportColumn): ReactElement => {
    switch (name) {
      case 'reference':
        return (
          <DataTable.Col key={name} source="reference" disableSort={disableSort}>
            <ReportReferenceLink />
          </DataTable.Col>
        );
      case 'plainReference':
        return <DataTable.Col key={name} source="reference" disableSort={disableSort} />;
      case 'receivedAt':
        return (
          <DataTable.Col key={name} source="receivedAt" disableSort={disableSort}>
            <DateField locales="en-GB" source="receivedAt" showTime />
          </DataTable.Col>
        );
      case 'incidentDate':
        return (
          <DataTable.Col key={name} source="incidentDate" disableSort={disableSort}>
            <DayField source="incidentDate" />
          </DataTable.Col>
        );
      case 'forceArea':
        return (
          <DataTable.Col key={name} source="forceArea" label="resources.reports.fields.forceArea" disableSort>
            <TextField source="forceArea.name" emptyText="" />
          </DataTable.Col>
        );
      case 'incidentTypes':
        return (
          <DataTable.Col key={name} source="incidentTypes" disableSort>
            <EnumChipsField source="incidentTypes" enumName="IncidentType" />
          </DataTable.Col>
        );
      case 'consent.police':
        return (
          <DataTable.Col key={name} source="consent.police" disableSort>
            <SelectField source="consent.police" choices={consentChoices} emptyText="" />
          </DataTable.Col>
        );
      case 'status':
        return (
          <DataTable.Col key={name} source="status" disableSort={disableSort}>
            <SelectField source="status" choices={reportStatusChoices} />
          </DataTable.Col>
        );
      case 'caseStatus':
        return (
          <DataTable.Col key={name} source="caseStatus" disableSort>
            <SelectField source="caseStatus" choices={caseStatusChoices} emptyText="" />
          </DataTable.Col>
        );
    }
  };
  return columns.map(column);
}
