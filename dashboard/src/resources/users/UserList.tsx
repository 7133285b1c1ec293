import {
  BooleanField,
  CreateButton,
  DataTable,
  DateField,
  List,
  NullableBooleanInput,
  ReferenceField,
  SearchInput,
  SelectField,
  SelectInput,
  TopToolbar,
} from 'react-admin';
import { roleChoices } from './user';

const userFilters = [
  <SearchInput key="q" source="q" alwaysOn />,
  <SelectInput key="role" source="role" choices={roleChoices} alwaysOn />,
  <NullableBooleanInput key="active" source="active" alwaysOn />,
];

// No export (a list of staff and officers stays in the app) and no saved queries; Create for ADMIN only.
const UserListActions = () => (
  <TopToolbar>
    <CreateButton />
  </TopToolbar>
);

export const UserList = () => (
  <List filters={userFilters} actions={<UserListActions />} sort={{ field: 'name', order: 'ASC' }} exporter={false}>
    <DataTable rowClick="show" bulkActionButtons={false}>
      <DataTable.Col source="name" />
      <DataTable.Col source="email" />
      <DataTable.Col source="role">
        <SelectField source="role" choices={roleChoices} />
      </DataTable.Col>
      <DataTable.Col source="force" label="resources.users.fields.force" disableSort>
        <ReferenceField source="force.id" reference="forces" link="show" emptyText="" />
      </DataTable.Col>
      <DataTable.Col source="active" disableSort>
        <BooleanField source="active" />
      </DataTable.Col>
      <DataTable.Col source="lastLoginAt">
        <DateField locales="en-GB" source="lastLoginAt" showTime emptyText="" />
      </DataTable.Col>
    </DataTable>
  </List>
);
