import {
  AutocompleteInput,
  CreateButton,
  DataTable,
  DateField,
  DateInput,
  FilterButton,
  List,
  ReferenceInput,
  SelectField,
  SelectInput,
  TextField,
  TextInput,
  TopToolbar,
  usePermissions,
} from 'react-admin';
import { DayField } from '../../components/DayField';
import { EnumChipsField } from '../../components/EnumChipsField';
import {
  caseStatusChoices,
  identifierKindChoices,
  orderedIncidentTypeChoices,
  orderedPoliceConsentChoices,
  reportStatusChoices,
} from './report';
import { PoliceReportList } from './PoliceReportList';
import { ReferenceSearchInput } from './ReferenceSearchInput';
import { ReportReferenceLink } from './ReportReferenceLink';

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
        <SelectField source="consent.police" choices={orderedPoliceConsentChoices} emptyText="" />
      </DataTable.Col>
      <DataTable.Col source="status">
        <SelectField source="status" choices={reportStatusChoices} />
      </DataTable.Col>
      <DataTable.Col source="caseStatus" disableSort>
        <SelectField source="caseStatus" choices={caseStatusChoices} emptyText="" />
      </DataTable.Col>
    </DataTable>
  </List>
);
