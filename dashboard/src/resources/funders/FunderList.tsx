import { CreateButton, DataTable, List, SelectField, SelectInput, TextField, TopToolbar, useCanAccess } from 'react-admin';
import { funderKindChoices } from './funder';

const funderFilters = [<SelectInput key="kind" source="kind" choices={funderKindChoices} alwaysOn />];

const FunderListActions = () => {
  const { canAccess: canCreate = false } = useCanAccess({ resource: 'funders', action: 'create' });
  return <TopToolbar>{canCreate ? <CreateButton /> : null}</TopToolbar>;
};

/** Funders by name (the API sorts them by name only). Managers add and edit them. */
export const FunderList = () => (
  <List filters={funderFilters} actions={<FunderListActions />} exporter={false} perPage={50}>
    <DataTable rowClick="show" bulkActionButtons={false}>
      <DataTable.Col source="name" disableSort />
      <DataTable.Col source="kind" disableSort>
        <SelectField source="kind" choices={funderKindChoices} />
      </DataTable.Col>
      <DataTable.Col source="force" disableSort>
        <TextField source="force.name" emptyText="" />
      </DataTable.Col>
    </DataTable>
  </List>
);
