import { ArrayField, ChipField, DataTable, DateField, List, SearchInput, SelectField, SingleFieldList } from 'react-admin';
import { workSettingChoices } from './member';

// The API filters members by pseudonym only (MemberFilter { q, ids }).
const memberFilters = [<SearchInput key="q" source="q" alwaysOn />];

/** Members, by pseudonym. No contact details here: those are read one member at a time, and logged. */
export const MemberList = () => (
  <List filters={memberFilters} actions={false} sort={{ field: 'pseudonym', order: 'ASC' }} exporter={false}>
    <DataTable rowClick="show" bulkActionButtons={false}>
      <DataTable.Col source="pseudonym" />
      <DataTable.Col source="workSetting" disableSort>
        <SelectField source="workSetting" choices={workSettingChoices} emptyText="" />
      </DataTable.Col>
      <DataTable.Col source="alertAreas" disableSort>
        <ArrayField source="alertAreas">
          <SingleFieldList linkType={false}>
            <ChipField source="name" size="small" />
          </SingleFieldList>
        </ArrayField>
      </DataTable.Col>
      <DataTable.Col source="createdAt">
        <DateField locales="en-GB" source="createdAt" />
      </DataTable.Col>
    </DataTable>
  </List>
);
