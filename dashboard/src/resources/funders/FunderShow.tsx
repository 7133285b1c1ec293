import { Box, Typography } from '@mui/material';
import {
  CreateButton,
  DataTable,
  EditButton,
  Labeled,
  ReferenceManyField,
  SelectField,
  Show,
  TextField,
  TopToolbar,
  useCanAccess,
  useRecordContext,
} from 'react-admin';
import { EmptyText } from '../../components/EmptyText';
import { Section } from '../../components/Section';
import { AmountField } from '../fundingRecords/AmountField';
import { fundingPurposeChoices } from '../fundingRecords/fundingRecord';
import { funderKindChoices, type Funder } from './funder';

const FunderShowActions = () => {
  const { canAccess: canEdit = false } = useCanAccess({ resource: 'funders', action: 'edit' });
  return <TopToolbar>{canEdit ? <EditButton /> : null}</TopToolbar>;
};

/** "Record funding from this funder", the funder already chosen. */
const AddFundingButton = () => {
  const funder = useRecordContext<Funder>();
  const { canAccess: canCreate = false } = useCanAccess({ resource: 'fundingRecords', action: 'create' });
  if (!funder || !canCreate) return null;
  return (
    <CreateButton
      resource="fundingRecords"
      label="lantern.funders.add_funding"
      state={{ record: { funder: { id: funder.id } } }}
    />
  );
};

const FunderLayout = () => {
  const funder = useRecordContext<Funder>();
  if (!funder) return null;
  return (
    <Box sx={{ p: 2 }}>
      <Typography variant="h5" component="h1" gutterBottom>
        {funder.name}
      </Typography>
      <Box sx={{ display: 'flex', gap: 4, flexWrap: 'wrap', mb: 2 }}>
        <Labeled label="resources.funders.fields.kind">
          <SelectField source="kind" choices={funderKindChoices} />
        </Labeled>
        {funder.force ? (
          <Labeled label="resources.funders.fields.force">
            <TextField source="force.name" />
          </Labeled>
        ) : null}
      </Box>
      <Section title="lantern.funders.funding">
        <AddFundingButton />
        <ReferenceManyField reference="fundingRecords" target="funderId" sort={{ field: 'financialYear', order: 'DESC' }} perPage={100}>
          <DataTable bulkActionButtons={false} rowClick="show" empty={<EmptyText text="lantern.funders.funding_empty" />}>
            <DataTable.Col source="financialYear" label="resources.fundingRecords.fields.financialYear" disableSort />
            <DataTable.Col source="purpose" label="resources.fundingRecords.fields.purpose" disableSort>
              <SelectField source="purpose" choices={fundingPurposeChoices} />
            </DataTable.Col>
            <DataTable.Col source="amountPence" label="resources.fundingRecords.fields.amountPence" disableSort align="right">
              <AmountField source="amountPence" />
            </DataTable.Col>
          </DataTable>
        </ReferenceManyField>
      </Section>
    </Box>
  );
};

export const FunderShow = () => (
  <Show actions={<FunderShowActions />}>
    <FunderLayout />
  </Show>
);
