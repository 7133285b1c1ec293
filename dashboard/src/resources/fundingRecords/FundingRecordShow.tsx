import { Box, Typography } from '@mui/material';
import {
  DateField,
  DeleteButton,
  EditButton,
  Labeled,
  SelectField,
  Show,
  TextField,
  TopToolbar,
  useCanAccess,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import { DayField } from '../../components/DayField';
import { ShowLink } from '../../components/ShowLink';
import { formatPence } from '../../components/money';
import { fundingPurposeChoices, type FundingRecord } from './fundingRecord';

const FundingShowActions = () => {
  const { canAccess: canEdit = false } = useCanAccess({ resource: 'fundingRecords', action: 'edit' });
  const { canAccess: canDelete = false } = useCanAccess({ resource: 'fundingRecords', action: 'delete' });
  return (
    <TopToolbar>
      {canEdit ? <EditButton /> : null}
      {canDelete ? (
        <DeleteButton mutationMode="pessimistic" confirmTitle="lantern.funding.delete_title" confirmContent="lantern.funding.delete_content" />
      ) : null}
    </TopToolbar>
  );
};

const FundingLayout = () => {
  const record = useRecordContext<FundingRecord>();
  const translate = useTranslate();
  if (!record) return null;
  return (
    <Box sx={{ p: 2 }}>
      <Typography variant="h5" component="h1" gutterBottom>
        {translate('lantern.funding.title', { funder: record.funder?.name ?? '', year: record.financialYear })}
      </Typography>
      <Typography variant="h4" component="p" sx={{ mb: 2 }} data-testid="funding-amount" data-amount-pence={record.amountPence}>
        {formatPence(record.amountPence)}
      </Typography>
      <Box sx={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(220px, 1fr))', gap: 2 }}>
        <Labeled label="resources.fundingRecords.fields.funder">
          <ShowLink resource="funders" id={record.funder?.id}>
            {record.funder?.name}
          </ShowLink>
        </Labeled>
        <Labeled label="resources.fundingRecords.fields.financialYear">
          <TextField source="financialYear" />
        </Labeled>
        <Labeled label="resources.fundingRecords.fields.purpose">
          <SelectField source="purpose" choices={fundingPurposeChoices} />
        </Labeled>
        <Labeled label="resources.fundingRecords.fields.receivedOn">
          <DayField source="receivedOn" emptyText="–" />
        </Labeled>
        <Labeled label="resources.fundingRecords.fields.agreementReference">
          <TextField source="agreementReference" emptyText="–" />
        </Labeled>
        <Labeled label="resources.fundingRecords.fields.updatedAt">
          <DateField locales="en-GB" source="updatedAt" showTime />
        </Labeled>
      </Box>
      {record.notes ? (
        <Box sx={{ mt: 2 }}>
          <Labeled label="resources.fundingRecords.fields.notes">
            <Typography variant="body2" sx={{ whiteSpace: 'pre-wrap' }}>
              {record.notes}
            </Typography>
          </Labeled>
        </Box>
      ) : null}
    </Box>
  );
};

export const FundingRecordShow = () => (
  <Show actions={<FundingShowActions />}>
    <FundingLayout />
  </Show>
);
