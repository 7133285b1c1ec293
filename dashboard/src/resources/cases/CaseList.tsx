import {
  BooleanInput,
  DataTable,
  DateField,
  List,
  SelectField,
  SelectInput,
  TextField,
  usePermissions,
} from 'react-admin';
import { EnumChipsField } from '../../components/EnumChipsField';
import { caseStatusChoices } from './case';

const caseFilters = [
  <BooleanInput key="assignedToMe" source="assignedToMe" alwaysOn />,
  <BooleanInput key="open" source="open" alwaysOn />,
  <SelectInput key="status" source="status" choices={caseStatusChoices} alwaysOn />,
];

/**
 * Cases, "My cases" first: a case worker starts on the cases assigned to them (a filter they
 * can switch off). A manager, who is assigned none, starts on every case. No create here: a
 * case is opened from its report ("Open a case").
 */
export const CaseList = () => {
  const { permissions, isPending } = usePermissions();
  if (isPending) return null;
  const filterDefaultValues = permissions === 'CASE_WORKER' ? { assignedToMe: true } : {};
  return (
    <List
      filters={caseFilters}
      filterDefaultValues={filterDefaultValues}
      actions={false}
      sort={{ field: 'updatedAt', order: 'DESC' }}
      exporter={false}
    >
      <DataTable rowClick="show" bulkActionButtons={false}>
        <DataTable.Col source="report" disableSort>
          <TextField source="report.reference" />
        </DataTable.Col>
        <DataTable.Col source="report.incidentTypes" label="resources.reports.fields.incidentTypes" disableSort>
          <EnumChipsField source="report.incidentTypes" enumName="IncidentType" />
        </DataTable.Col>
        <DataTable.Col source="status">
          <SelectField source="status" choices={caseStatusChoices} />
        </DataTable.Col>
        <DataTable.Col source="assignee" disableSort>
          <TextField source="assignee.name" emptyText="" />
        </DataTable.Col>
        <DataTable.Col source="openedAt">
          <DateField locales="en-GB" source="openedAt" showTime />
        </DataTable.Col>
        <DataTable.Col source="updatedAt">
          <DateField locales="en-GB" source="updatedAt" showTime />
        </DataTable.Col>
      </DataTable>
    </List>
  );
};
