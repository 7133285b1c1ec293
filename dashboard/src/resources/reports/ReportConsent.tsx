import { Box, Divider, Typography } from '@mui/material';
import {
  ArrayField,
  DataTable,
  DateField,
  Labeled,
  SelectField,
  TextField,
  useCanAccess,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import { EmptyText } from '../../components/EmptyText';
import { YesNoField } from '../../components/YesNo';
import { ChangeConsentButton } from './ChangeConsentButton';
import { consentMethodChoices, orderedPoliceConsentChoices, type ConsentEvent, type Report } from './report';

/** `previous → now`, or just `now` when it did not change (or on the first event). */
const Change = ({ from, to }: { from: string | null | undefined; to: string }) => {
  const translate = useTranslate();
  return <span>{from == null || from === to ? to : translate('lantern.reports.consent.change_from_to', { from, to })}</span>;
};

const PoliceChange = () => {
  const event = useRecordContext<ConsentEvent & { id: string }>();
  const translate = useTranslate();
  if (!event) return null;
  const label = (value: string) => translate(`lantern.enums.PoliceConsent.${value}`);
  return <Change from={event.previousPolice ? label(event.previousPolice) : null} to={label(event.police)} />;
};

const FlagChange = ({ field }: { field: 'alerts' | 'statistics'; label?: string }) => {
  const event = useRecordContext<ConsentEvent & { id: string }>();
  const translate = useTranslate();
  if (!event) return null;
  const label = (value: boolean) => translate(value ? 'lantern.common.yes' : 'lantern.common.no');
  const previous = field === 'alerts' ? event.previousAlerts : event.previousStatistics;
  return <Change from={previous == null ? null : label(previous)} to={label(event[field])} />;
};

const Actor = () => {
  const event = useRecordContext<ConsentEvent & { id: string }>();
  const translate = useTranslate();
  if (!event) return null;
  const role = event.actorRole ? translate(`lantern.enums.Role.${event.actorRole}`) : '';
  if (!event.actorName) return <span>{role}</span>;
  return <span>{role ? translate('lantern.common.by', { name: event.actorName, role }) : event.actorName}</span>;
};

/**
 * The consent tab: the consent in force, "Change consent" for case workers (setReportConsent,
 * which records who, how and when), then every change, oldest first.
 */
export const ReportConsent = (_props: { label?: string | false }) => {
  const report = useRecordContext<Report>();
  const translate = useTranslate();
  const { canAccess: canChange } = useCanAccess({ resource: 'reports', action: 'edit' });
  if (!report) return null;
  return (
    <Box>
      <Typography variant="h6" component="h2">
        {translate('lantern.reports.consent.current')}
      </Typography>
      <Box sx={{ display: 'flex', flexWrap: 'wrap', columnGap: 4, rowGap: 1, my: 1 }}>
        <Labeled>
          <SelectField source="consent.police" choices={orderedPoliceConsentChoices} />
        </Labeled>
        <Labeled>
          <YesNoField source="consent.alerts" label="resources.reports.fields.consent.alerts" />
        </Labeled>
        <Labeled>
          <YesNoField source="consent.statistics" label="resources.reports.fields.consent.statistics" />
        </Labeled>
        <Labeled>
          <SelectField source="consent.method" choices={consentMethodChoices} />
        </Labeled>
        <Labeled>
          <DateField locales="en-GB" source="consent.recordedAt" showTime />
        </Labeled>
        <Labeled>
          <TextField source="consent.recordedByName" emptyText="-" />
        </Labeled>
        {report.consent?.withdrawnAt ? (
          <Labeled>
            <DateField locales="en-GB" source="consent.withdrawnAt" showTime />
          </Labeled>
        ) : null}
      </Box>
      {report.consent?.police ? (
        <Typography variant="body2" color="text.secondary">
          {translate(`lantern.reports.consent_explain.${report.consent.police}`)}
        </Typography>
      ) : null}
      {canChange ? <ChangeConsentButton /> : null}

      <Divider sx={{ my: 2 }} />
      <Typography variant="h6" component="h2">
        {translate('lantern.reports.consent.history')}
      </Typography>
      <ArrayField source="consentHistory">
        <DataTable bulkActionButtons={false} rowClick={false} empty={<EmptyText text="lantern.reports.consent.history_empty" />}>
          <DataTable.Col source="at" label="lantern.reports.consent.at" disableSort>
            <DateField locales="en-GB" source="at" showTime />
          </DataTable.Col>
          <DataTable.Col label="lantern.reports.consent.actor" disableSort>
            <Actor />
          </DataTable.Col>
          <DataTable.Col source="method" label="lantern.reports.consent.method" disableSort>
            <SelectField source="method" choices={consentMethodChoices} />
          </DataTable.Col>
          <DataTable.Col label="lantern.reports.consent.police" disableSort>
            <PoliceChange />
          </DataTable.Col>
          <DataTable.Col label="lantern.reports.consent.alerts" disableSort>
            <FlagChange field="alerts" />
          </DataTable.Col>
          <DataTable.Col label="lantern.reports.consent.statistics" disableSort>
            <FlagChange field="statistics" />
          </DataTable.Col>
          <DataTable.Col source="note" label="lantern.reports.consent.note" disableSort>
            <TextField source="note" emptyText="" sx={{ whiteSpace: 'pre-wrap' }} />
          </DataTable.Col>
        </DataTable>
      </ArrayField>
    </Box>
  );
};
