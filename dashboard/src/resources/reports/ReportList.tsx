import {
  AutocompleteInput,
  CreateButton,
  DataTable,
  DateInput,
  FilterButton,
  List,
  ReferenceInput,
  SelectInput,
  TextInput,
  TopToolbar,
  usePermissions,
} from 'react-admin';
import { reportColumns } from '../../components/reportColumns';
import {
  identifierKindChoices,
  orderedIncidentTypeChoices,
  orderedPoliceConsentChoices,
  reportStatusChoices,
} from './report';
import { PoliceReportList } from './PoliceReportList';
import { ReferenceSearchInput } from './ReferenceSearchInput';

// Filters: the ReportFilter input's own names (buildQuery drops anything else).
const reportFilters = [
  <ReferenceSearchInput key="q" source="q" alwaysOn />,
  <ReferenceInput key="forceAreaId" source="forceAreaId" reference="forces" sort={{ field: 'name', order: 'ASC' }} perPage={50} alwaysOn>
    <AutocompleteInput label="resources.reports.fields.forceArea" sx={{ minWidth: 240 }} />
  </ReferenceInput>,
  <SelectInput key="incidentType" source="incidentType" choices={orderedIncidentTypeChoices} alwaysOn />,
  <SelectInput key="status" source="status" choices={reportStatusChoices} />,
  <SelectInput key="policeConsent" source="policeConsent" choices={orderedPoliceConsentChoices} />,
  <DateInput key="incidentFrom" source="incidentFrom" />,
  <DateInput key="incidentTo" source="incidentTo" />,
  <SelectInput key="identifierKind" source="identifierKind" choices={identifierKindChoices} />,
  <TextInput key="identifierValue" source="identifierValue" />,
];

// No export: report data stays in the app. Create for case workers only (canAccess).
const ReportListActions = () => (
  <TopToolbar>
    <FilterButton />
    <CreateButton />
  </TopToolbar>
);

/** Reports: a police partner gets their own list (police-safe columns and filters only). */
export const ReportList = () => {
  const { permissions, isPending } = usePermissions();
  if (isPending) return null;
  return permissions === 'POLICE_PARTNER' ? <PoliceReportList /> : <StaffReportList />;
};

/** Every report, for case workers and managers. */
const StaffReportList = () => (
  <List
    filters={reportFilters}
    actions={<ReportListActions />}
    sort={{ field: 'receivedAt', order: 'DESC' }}
    exporter={false}
  >
    <DataTable rowClick="show" bulkActionButtons={false}>
      {reportColumns(['reference', 'receivedAt', 'incidentDate', 'forceArea', 'incidentTypes', 'consent.police', 'status', 'caseStatus'], {
        sortable: true,
        consentChoices: orderedPoliceConsentChoices,
      })}
    </DataTable>
  </List>
);
