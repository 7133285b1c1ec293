import { DataTable, List, SearchInput, SelectField, SelectInput } from 'react-admin';
import { nationChoices } from './force';

const forceFilters = [
  <SearchInput key="q" source="q" alwaysOn />,
  <SelectInput key="nation" source="nation" choices={nationChoices} alwaysOn />,
];

export const ForceList = () => (
  <List filters={forceFilters} actions={false} sort={{ field: 'name', order: 'ASC' }} exporter={false}>
    <DataTable rowClick="show" bulkActionButtons={false}>
      <DataTable.Col source="name" />
      <DataTable.Col source="nation">
        <SelectField source="nation" choices={nationChoices} />
      </DataTable.Col>
      <DataTable.Col source="region" />
    </DataTable>
  </List>
);
