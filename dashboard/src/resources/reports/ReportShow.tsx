import {
  ArrayField,
  DataTable,
  DateField,
  EditButton,
  SelectField,
  Show,
  TabbedShowLayout,
  TextField,
  TopToolbar,
  WithRecord,
  useCanAccess,
  usePermissions,
} from 'react-admin';
import { DayField } from '../../components/DayField';
import { EmptyText } from '../../components/EmptyText';
import { EnumChipsField } from '../../components/EnumChipsField';
import { ShowLink } from '../../components/ShowLink';
import { LegalHoldPanel } from '../../retention/LegalHoldPanel';
import { FindReportsButton } from './FindReportsButton';
import { LinkedReports } from './LinkedReports';
import { ReportCase } from './ReportCase';
import { PoliceReportShow } from './PoliceReportShow';
import { ReportConsent } from './ReportConsent';
import { ReportPolice } from './ReportPolice';
import { channelChoices, identifierKindChoices, reportStatusChoices, type Report } from './report';

// Edit for case workers only (EditButton asks canAccess). No delete: reports are kept.
const ReportShowActions = () => (
  <TopToolbar>
    <EditButton />
  </TopToolbar>
);

const multiline = { whiteSpace: 'pre-wrap' } as const;

/** The report page; a police partner gets their own (police-safe fields only). */
export const ReportShow = () => {
  const { permissions, isPending } = usePermissions();
  if (isPending) return null;
  return permissions === 'POLICE_PARTNER' ? <PoliceReportShow /> : <StaffReportShow />;
};

/**
 * The report page for staff, in tabs (their names are stable for tests): Details, Identifiers,
 * Linked reports, Consent, Police, Case. A manager sees the same, read-only, without the member.
 */
const StaffReportShow = () => {
  // Who reported is for case workers only (the server refuses it to managers; we do not ask).
  const { canAccess: canSeeMembers } = useCanAccess({ resource: 'members', action: 'show' });
  return (
    <Show actions={<ReportShowActions />}>
      <TabbedShowLayout>
        <TabbedShowLayout.Tab label="lantern.reports.tabs.details">
          <TextField source="reference" />
          <DateField locales="en-GB" source="receivedAt" showTime />
          <SelectField source="channel" choices={channelChoices} />
          <DayField source="incidentDate" />
          <TextField source="forceArea.name" label="resources.reports.fields.forceArea" />
          <EnumChipsField source="incidentTypes" enumName="IncidentType" />
          <TextField source="location" emptyText="-" sx={multiline} />
          <TextField source="perpetratorDescription" emptyText="-" sx={multiline} />
          <TextField source="narrative" sx={multiline} />
          <TextField source="policeSummary" emptyText="-" sx={multiline} />
          <SelectField source="status" choices={reportStatusChoices} />
          {canSeeMembers ? (
            <WithRecord<Report>
              label="resources.reports.fields.member"
              render={(record) =>
                record.member ? (
                  <ShowLink resource="members" id={record.member.id}>
                    {record.member.pseudonym}
                  </ShowLink>
                ) : (
                  <EmptyText text="lantern.reports.details.no_member" />
                )
              }
            />
          ) : null}
          <LegalHoldPanel target="REPORT" label={false} />
        </TabbedShowLayout.Tab>

        <TabbedShowLayout.Tab label="lantern.reports.tabs.identifiers" path="identifiers">
          <ArrayField source="identifiers" label={false}>
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
        </TabbedShowLayout.Tab>

        <TabbedShowLayout.Tab label="lantern.reports.tabs.linked" path="linked">
          <LinkedReports label={false} />
        </TabbedShowLayout.Tab>

        <TabbedShowLayout.Tab label="lantern.reports.tabs.consent" path="consent">
          <ReportConsent label={false} />
        </TabbedShowLayout.Tab>

        <TabbedShowLayout.Tab label="lantern.reports.tabs.police" path="police">
          <ReportPolice label={false} />
        </TabbedShowLayout.Tab>

        <TabbedShowLayout.Tab label="lantern.reports.tabs.case" path="case">
          <ReportCase label={false} />
        </TabbedShowLayout.Tab>
      </TabbedShowLayout>
    </Show>
  );
};
