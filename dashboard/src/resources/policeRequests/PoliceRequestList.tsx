import { Typography } from '@mui/material';
import {
  CreateButton,
  DataTable,
  DateField,
  List,
  SelectField,
  SelectInput,
  TextField,
  TopToolbar,
  useRecordContext,
  usePermissions,
  useTranslate,
} from 'react-admin';
import { ShowLink } from '../../components/ShowLink';
import { policeRequestKindChoices, policeRequestStatusChoices, type PoliceRequest } from './policeRequest';

// The PoliceRequestFilter's own names. The API sorts requests newest first, and by nothing else.
const policeRequestFilters = [
  <SelectInput key="status" source="status" choices={policeRequestStatusChoices} alwaysOn />,
  <SelectInput key="kind" source="kind" choices={policeRequestKindChoices} alwaysOn />,
];

// "Create" for police only (canAccess); no export.
const PoliceRequestListActions = () => (
  <TopToolbar>
    <CreateButton />
  </TopToolbar>
);

/**
 * The question, on at most two lines, as the link to the request's page (the whole of it is
 * there): rows are found and opened by their question.
 */
const QuestionField = (_props: { label?: string }) => {
  const request = useRecordContext<PoliceRequest>();
  if (!request) return null;
  return (
    <Typography
      variant="body2"
      sx={{ display: '-webkit-box', WebkitLineClamp: 2, WebkitBoxOrient: 'vertical', overflow: 'hidden', maxWidth: 480 }}
    >
      <ShowLink resource="policeRequests" id={request.id}>
        {request.question}
      </ShowLink>
    </Typography>
  );
};

/** "Phone number: +447700900123", for a request about an identifier. */
const IdentifierField = (_props: { label?: string }) => {
  const request = useRecordContext<PoliceRequest>();
  const translate = useTranslate();
  if (!request?.identifierKind) return null;
  return (
    <Typography variant="body2">
      {`${translate(`lantern.enums.IdentifierKind.${request.identifierKind}`)}: ${request.identifierValue ?? ''}`}
    </Typography>
  );
};

/**
 * Police requests, newest first. Officers see their own force's (and "Create"); case workers
 * start on the open ones (a filter they can change); managers read them all.
 */
export const PoliceRequestList = () => {
  const { permissions, isPending } = usePermissions();
  if (isPending) return null;
  const police = permissions === 'POLICE_PARTNER';
  const filterDefaultValues = permissions === 'CASE_WORKER' ? { status: 'OPEN' } : {};
  return (
    <List
      filters={policeRequestFilters}
      filterDefaultValues={filterDefaultValues}
      actions={<PoliceRequestListActions />}
      exporter={false}
    >
      <DataTable rowClick="show" bulkActionButtons={false}>
        <DataTable.Col source="createdAt" disableSort>
          <DateField locales="en-GB" source="createdAt" showTime />
        </DataTable.Col>
        {police ? null : (
          <DataTable.Col source="force" disableSort>
            <TextField source="force.name" />
          </DataTable.Col>
        )}
        <DataTable.Col source="kind" disableSort>
          <SelectField source="kind" choices={policeRequestKindChoices} />
        </DataTable.Col>
        <DataTable.Col source="question" disableSort>
          <QuestionField />
        </DataTable.Col>
        <DataTable.Col source="identifierValue" disableSort>
          <IdentifierField />
        </DataTable.Col>
        <DataTable.Col source="crimeReference" disableSort>
          <TextField source="crimeReference" emptyText="" />
        </DataTable.Col>
        <DataTable.Col source="requestedByName" disableSort>
          <TextField source="requestedByName" emptyText="" />
        </DataTable.Col>
        <DataTable.Col source="status" disableSort>
          <SelectField source="status" choices={policeRequestStatusChoices} />
        </DataTable.Col>
      </DataTable>
    </List>
  );
};
