import { Box, Divider } from '@mui/material';
import {
  ArrayField,
  BooleanField,
  ChipField,
  DataTable,
  DateField,
  ReferenceManyField,
  SelectField,
  Show,
  SimpleShowLayout,
  SingleFieldList,
  TextField,
} from 'react-admin';
import { EmptyText } from '../../components/EmptyText';
import { Section } from '../../components/Section';
import { reportColumns } from '../../components/reportColumns';
import { EraseMemberButton } from '../../retention/EraseMemberButton';
import { LegalHoldPanel } from '../../retention/LegalHoldPanel';
import { orderedPoliceConsentChoices } from '../reports/report';
import { MemberContactDetails } from './MemberContactDetails';
import { contactRouteChoices, workSettingChoices } from './member';

/** Their reports: reports(filter: { memberId }), newest first; each opens its report. */
const MemberReports = () => (
  <Section title="lantern.members.reports">
    <ReferenceManyField reference="reports" target="memberId" sort={{ field: 'receivedAt', order: 'DESC' }} perPage={25}>
      <DataTable bulkActionButtons={false} rowClick="show" empty={<EmptyText text="lantern.members.reports_empty" />}>
        {reportColumns(['plainReference', 'receivedAt', 'incidentDate', 'incidentTypes', 'consent.police', 'caseStatus'], {
          consentChoices: orderedPoliceConsentChoices,
        })}
      </DataTable>
    </ReferenceManyField>
  </Section>
);

/** A member: details, alert areas, their reports, and contact details on demand (logged). */
export const MemberShow = () => (
  <Show>
    <SimpleShowLayout>
      <TextField source="pseudonym" />
      <SelectField source="workSetting" choices={workSettingChoices} emptyText="-" />
      <SelectField source="policeContactRoute" choices={contactRouteChoices} emptyText="-" />
      <BooleanField source="emailAlerts" />
      <ArrayField source="alertAreas">
        <SingleFieldList linkType={false}>
          <ChipField source="name" size="small" />
        </SingleFieldList>
      </ArrayField>
      <DateField locales="en-GB" source="createdAt" />
    </SimpleShowLayout>
    <Divider />
    <Box sx={{ px: 2, pt: 1 }}>
      <MemberContactDetails />
    </Box>
    <Divider />
    <Box sx={{ px: 2, pt: 1 }}>
      <MemberReports />
    </Box>
    <Divider />
    <Box sx={{ px: 2, pt: 1, pb: 2 }}>
      <LegalHoldPanel target="MEMBER" />
      <EraseMemberButton />
    </Box>
  </Show>
);
