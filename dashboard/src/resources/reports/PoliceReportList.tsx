import { Box } from '@mui/material';
import {
  DataTable,
  DateField,
  DateInput,
  FilterButton,
  List,
  SelectField,
  SelectInput,
  TextField,
  TextInput,
  TopToolbar,
} from 'react-admin';
import { DayField } from '../../components/DayField';
import { EnumChipsField } from '../../components/EnumChipsField';
import { PoliceReadNotice } from '../../components/PoliceReadNotice';
import { ReferenceSearchInput } from './ReferenceSearchInput';
import { ReportReferenceLink } from './ReportReferenceLink';
import { identifierKindChoices, orderedIncidentTypeChoices, policeVisibleConsentChoices } from './report';

/** `receivedFrom` / `receivedTo` are moments: the start and the end of the chosen day, here. */
const startOfDay = (day: string) => (day ? new Date(`${day}T00:00:00`).toISOString() : null);
const endOfDay = (day: string) => (day ? new Date(`${day}T23:59:59.999`).toISOString() : null);

// Only what the API lets police filter by (never status or member: FORBIDDEN); buildQuery
// drops anything else for this role (POLICE_REPORT_LIMITS).
const policeReportFilters = [
  <ReferenceSearchInput key="q" source="q" alwaysOn />,
  <SelectInput key="incidentType" source="incidentType" choices={orderedIncidentTypeChoices} alwaysOn />,
  <DateInput key="incidentFrom" source="incidentFrom" />,
  <DateInput key="incidentTo" source="incidentTo" />,
  <DateInput key="receivedFrom" source="receivedFrom" parse={startOfDay} />,
  <DateInput key="receivedTo" source="receivedTo" parse={endOfDay} />,
  <SelectInput key="identifierKind" source="identifierKind" choices={identifierKindChoices} />,
  <TextInput key="identifierValue" source="identifierValue" />,
];

// No create, no export: police read, and what they read stays here.
const PoliceReportListActions = () => (
  <TopToolbar>
    <FilterButton />
  </TopToolbar>
);

/**
 * A police partner's reports: those of their force area, or shared with their force, that the
 * member agreed police may read, now (the server scopes it). Police-safe fields only
 * (selections.ts); sorted by reference or dates only.
 */
export const PoliceReportList = () => (
  <Box>
    <PoliceReadNotice />
    <List
      filters={policeReportFilters}
      actions={<PoliceReportListActions />}
      sort={{ field: 'receivedAt', order: 'DESC' }}
      exporter={false}
    >
      <DataTable rowClick="show" bulkActionButtons={false}>
        <DataTable.Col source="reference">
          <ReportReferenceLink />
        </DataTable.Col>
        <DataTable.Col source="receivedAt">
          <DateField locales="en-GB" source="receivedAt" showTime />
        </DataTable.Col>
        <DataTable.Col source="incidentDate">
          <DayField source="incidentDate" />
        </DataTable.Col>
        <DataTable.Col source="forceArea" label="resources.reports.fields.forceArea" disableSort>
          <TextField source="forceArea.name" emptyText="" />
        </DataTable.Col>
        <DataTable.Col source="incidentTypes" disableSort>
          <EnumChipsField source="incidentTypes" enumName="IncidentType" />
        </DataTable.Col>
        <DataTable.Col source="consent.police" disableSort>
          <SelectField source="consent.police" choices={policeVisibleConsentChoices} emptyText="" />
        </DataTable.Col>
      </DataTable>
    </List>
  </Box>
);
