import { Box } from '@mui/material';
import {
  DataTable,
  DateInput,
  FilterButton,
  List,
  SelectInput,
  TextInput,
  TopToolbar,
} from 'react-admin';
import { PoliceReadNotice } from '../../components/PoliceReadNotice';
import { reportColumns } from '../../components/reportColumns';
import { ReferenceSearchInput } from './ReferenceSearchInput';
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
        {reportColumns(['reference', 'receivedAt', 'incidentDate', 'forceArea', 'incidentTypes', 'consent.police'], {
          sortable: true,
          consentChoices: policeVisibleConsentChoices,
        })}
      </DataTable>
    </List>
  </Box>
);
