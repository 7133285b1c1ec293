import { Alert, Box, Chip, Divider, Typography } from '@mui/material';
import {
  ArrayField,
  DataTable,
  DateField,
  Labeled,
  RecordContextProvider,
  SelectField,
  Show,
  TextField,
  useCanAccess,
  usePermissions,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import { DayField } from '../../components/DayField';
import { EmptyText } from '../../components/EmptyText';
import { EnumChipsField } from '../../components/EnumChipsField';
import { PoliceReadNotice } from '../../components/PoliceReadNotice';
import { Section } from '../../components/Section';
import { formatWhen } from '../../components/formatWhen';
import { FindReportsButton } from '../reports/FindReportsButton';
import { ReportReferenceLink } from '../reports/ReportReferenceLink';
import { policeVisibleConsentChoices } from '../reports/report';
import { PoliceRequestActions } from './PoliceRequestActions';
import type { PoliceRequest } from './policeRequest';

const multiline = { whiteSpace: 'pre-wrap' } as const;

/** Who asked, what, when, about what; its status in plain words. */
const RequestHeader = ({ request, police }: { request: PoliceRequest; police: boolean }) => {
  const translate = useTranslate();
  return (
    <Box>
      <Box sx={{ display: 'flex', flexWrap: 'wrap', columnGap: 4, rowGap: 1, alignItems: 'flex-start' }}>
        <Labeled label="resources.policeRequests.fields.status">
          <Box>
            <Chip
              size="small"
              label={translate(`lantern.enums.PoliceRequestStatus.${request.status}`)}
              color={request.status === 'OPEN' || request.status === 'WITH_MEMBER' ? 'primary' : 'default'}
            />
            <Typography variant="body2" color="text.secondary" sx={{ mt: 0.5 }}>
              {translate(`lantern.police_requests.status_explain.${request.status}`)}
            </Typography>
          </Box>
        </Labeled>
        <Labeled label="resources.policeRequests.fields.kind">
          <Typography variant="body2">{translate(`lantern.enums.PoliceRequestKind.${request.kind}`)}</Typography>
        </Labeled>
        <Labeled label="resources.policeRequests.fields.createdAt">
          <Typography variant="body2">{formatWhen(request.createdAt)}</Typography>
        </Labeled>
        <Labeled label="resources.policeRequests.fields.requestedByName">
          <Typography variant="body2">{request.requestedByName ?? '-'}</Typography>
        </Labeled>
        {police ? null : (
          <Labeled label="resources.policeRequests.fields.force">
            <Typography variant="body2">{request.force?.name}</Typography>
          </Labeled>
        )}
        {request.crimeReference ? (
          <Labeled label="resources.policeRequests.fields.crimeReference">
            <Typography variant="body2">{request.crimeReference}</Typography>
          </Labeled>
        ) : null}
      </Box>
      {request.identifierKind ? (
        <Box sx={{ mt: 1 }}>
          <Labeled label="resources.policeRequests.fields.identifierValue">
            <Box sx={{ display: 'flex', alignItems: 'center', gap: 2, flexWrap: 'wrap' }}>
              <Typography variant="body2">
                {`${translate(`lantern.enums.IdentifierKind.${request.identifierKind}`)}: ${request.identifierValue ?? ''}`}
              </Typography>
              {/* every report naming it (that the reader may see): where a case worker starts */}
              <RecordContextProvider value={{ id: 'identifier', kind: request.identifierKind, value: request.identifierValue ?? '' }}>
                <FindReportsButton />
              </RecordContextProvider>
            </Box>
          </Labeled>
        </Box>
      ) : null}
      <Box sx={{ mt: 1 }}>
        <Labeled label="resources.policeRequests.fields.question">
          <Typography variant="body2" sx={multiline}>
            {request.question}
          </Typography>
        </Labeled>
      </Box>
    </Box>
  );
};

/** The charity's reply, once there is one. */
const RequestReply = ({ request }: { request: PoliceRequest }) => {
  const translate = useTranslate();
  return (
    <Section title="lantern.police_requests.reply_title">
      {request.reply ? (
        <Box>
          {request.answeredAt ? (
            <Typography variant="caption" color="text.secondary" component="p">
              {formatWhen(request.answeredAt)}
            </Typography>
          ) : null}
          <Typography variant="body2" sx={multiline}>
            {request.reply}
          </Typography>
        </Box>
      ) : (
        <Typography variant="body2" color="text.secondary">
          {translate('lantern.police_requests.reply_none')}
        </Typography>
      )}
    </Section>
  );
};

/** The reports attached to the answer that the reader may see now; each opens its report. */
const AttachedReports = ({ request, police }: { request: PoliceRequest; police: boolean }) => (
  <Section title="resources.policeRequests.fields.reports" help={police ? 'lantern.police_requests.reports_help' : undefined}>
    {police && (request.reports?.length ?? 0) > 0 ? <PoliceReadNotice /> : null}
    <ArrayField source="reports">
      <DataTable bulkActionButtons={false} rowClick={false} empty={<EmptyText text="lantern.police_requests.reports_empty" />}>
        <DataTable.Col source="reference" label="resources.reports.fields.reference" disableSort>
          <ReportReferenceLink />
        </DataTable.Col>
        <DataTable.Col source="receivedAt" label="resources.reports.fields.receivedAt" disableSort>
          <DateField locales="en-GB" source="receivedAt" showTime />
        </DataTable.Col>
        <DataTable.Col source="incidentDate" label="resources.reports.fields.incidentDate" disableSort>
          <DayField source="incidentDate" />
        </DataTable.Col>
        <DataTable.Col source="forceArea" label="resources.reports.fields.forceArea" disableSort>
          <TextField source="forceArea.name" emptyText="" />
        </DataTable.Col>
        <DataTable.Col source="incidentTypes" label="resources.reports.fields.incidentTypes" disableSort>
          <EnumChipsField source="incidentTypes" enumName="IncidentType" />
        </DataTable.Col>
        <DataTable.Col source="consent.police" label="resources.reports.fields.consent.police" disableSort>
          <SelectField source="consent.police" choices={policeVisibleConsentChoices} emptyText="" />
        </DataTable.Col>
      </DataTable>
    </ArrayField>
  </Section>
);

/**
 * A police request: the request; for a case worker "Ask the member", "Answer", "Decline"
 * (canAccess 'edit'); the reply; the reports attached. Managers read it; the officer follows it.
 */
const PoliceRequestLayout = () => {
  const request = useRecordContext<PoliceRequest>();
  const translate = useTranslate();
  const { permissions } = usePermissions();
  const { canAccess: canAct = false } = useCanAccess({ resource: 'policeRequests', action: 'edit' });
  if (!request) return null;
  const police = permissions === 'POLICE_PARTNER';
  return (
    <Box sx={{ p: 2, display: 'flex', flexDirection: 'column', gap: 2 }}>
      <RequestHeader request={request} police={police} />
      {canAct ? <PoliceRequestActions request={request} /> : null}
      {!canAct && !police ? (
        <Alert severity="info">{translate('lantern.police_requests.read_only')}</Alert>
      ) : null}
      <Divider />
      <RequestReply request={request} />
      <Divider />
      <AttachedReports request={request} police={police} />
    </Box>
  );
};

export const PoliceRequestShow = () => (
  <Show actions={false}>
    <PoliceRequestLayout />
  </Show>
);
