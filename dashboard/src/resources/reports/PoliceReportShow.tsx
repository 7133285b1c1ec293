import { Box, Typography } from '@mui/material';
import { useEffect, useState } from 'react';
import {
  ArrayField,
  CreateButton,
  DataTable,
  DateField,
  Labeled,
  SelectField,
  Show,
  SimpleShowLayout,
  TextField,
  TopToolbar,
  useDataProvider,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import { DayField } from '../../components/DayField';
import { EmptyText } from '../../components/EmptyText';
import { EnumChipsField } from '../../components/EnumChipsField';
import { PoliceReadNotice } from '../../components/PoliceReadNotice';
import type { LanternDataProvider } from '../../providers/dataProvider';
import { FindReportsButton } from './FindReportsButton';
import { identifierKindChoices, policeVisibleConsentChoices, type Report } from './report';

/**
 * With FULL consent only: how the member agreed to be reached, in plain words. Read on its own
 * (the API refuses it below FULL, so it is never part of the report's selection).
 */
const ContactRoute = ({ report }: { report: Report }) => {
  const dataProvider = useDataProvider<LanternDataProvider>();
  const translate = useTranslate();
  const [route, setRoute] = useState<string | null>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    let live = true;
    dataProvider
      .getPoliceContactRoute(report.id)
      .then(({ data }) => live && setRoute(data.policeContactRoute ?? 'NONE'))
      .catch(() => live && setFailed(true));
    return () => {
      live = false;
    };
  }, [dataProvider, report.id]);
  if (failed) return <Typography variant="body2">{translate('lantern.reports.police.contact_unavailable')}</Typography>;
  if (!route) return null;
  return <Typography variant="body2">{translate(`lantern.reports.police.contact_route.${route}`, { _: route })}</Typography>;
};

/** The consent level, what it means for an officer, and with FULL how to reach the member. */
const PoliceConsent = (_props: { label?: string | false }) => {
  const report = useRecordContext<Report>();
  const translate = useTranslate();
  const level = report?.consent?.police;
  if (!report || !level) return null;
  return (
    <Box sx={{ display: 'flex', flexDirection: 'column', gap: 1 }}>
      <Labeled label="resources.reports.fields.consent.police">
        <Box>
          <SelectField source="consent.police" choices={policeVisibleConsentChoices} />
          <Typography variant="body2" color="text.secondary">
            {translate(`lantern.reports.police.consent_explain.${level}`, { _: '' })}
          </Typography>
        </Box>
      </Labeled>
      {level === 'FULL' ? (
        <Labeled label="lantern.reports.police.contact">
          <ContactRoute report={report} />
        </Labeled>
      ) : null}
    </Box>
  );
};

/** "Ask about this report": a new request (policeRequests), its question started with the reference. */
const PoliceReportShowActions = () => {
  const report = useRecordContext<Report>();
  const translate = useTranslate();
  if (!report) return null;
  const record = {
    kind: 'INCIDENT_INTELLIGENCE',
    question: translate('lantern.reports.police.ask_question', { reference: report.reference ?? '' }),
  };
  return (
    <TopToolbar>
      <CreateButton resource="policeRequests" label="lantern.reports.police.ask" state={{ record }} />
    </TopToolbar>
  );
};

/**
 * A report as a police partner reads it: the police-safe fields only (selections.ts), never the
 * account, the location, the status or who reported. Every read is logged and shown to the member.
 */
export const PoliceReportShow = () => (
  <Show actions={<PoliceReportShowActions />}>
    <Box sx={{ px: 2 }}>
      <PoliceReadNotice />
    </Box>
    <SimpleShowLayout>
      <TextField source="reference" />
      <DateField locales="en-GB" source="receivedAt" showTime />
      <DayField source="incidentDate" />
      <TextField source="forceArea.name" label="resources.reports.fields.forceArea" />
      <EnumChipsField source="incidentTypes" enumName="IncidentType" />
      <PoliceConsent label={false} />
      <TextField source="policeSummary" emptyText="-" sx={{ whiteSpace: 'pre-wrap' }} />
      <ArrayField source="identifiers">
        <DataTable bulkActionButtons={false} rowClick={false} empty={<EmptyText text="lantern.reports.identifiers.empty" />}>
          <DataTable.Col source="kind" label="lantern.reports.intake.identifier_kind" disableSort>
            <SelectField source="kind" choices={identifierKindChoices} />
          </DataTable.Col>
          <DataTable.Col source="value" label="lantern.reports.intake.identifier_value" disableSort />
          <DataTable.Col label="" disableSort>
            <FindReportsButton />
          </DataTable.Col>
        </DataTable>
      </ArrayField>
    </SimpleShowLayout>
  </Show>
);
