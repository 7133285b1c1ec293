import LocalPoliceIcon from '@mui/icons-material/LocalPolice';
import { Alert, Box } from '@mui/material';
import {
  ArrayField,
  AutocompleteInput,
  DataTable,
  DateInput,
  ReferenceInput,
  TextField,
  TextInput,
  required,
  useDataProvider,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import { AddItemForm } from '../../components/AddItemForm';
import { DayField } from '../../components/DayField';
import { EmptyText } from '../../components/EmptyText';
import { Section } from '../../components/Section';
import type { LanternDataProvider } from '../../providers/dataProvider';
import { todayInLondon } from '../reports/report';
import type { CaseRecord } from './case';

/** "Add police contact": addPoliceContact(caseId, { contactDate, forceId, officer, crimeReference, summary }). */
const AddPoliceContactForm = ({ record }: { record: CaseRecord }) => {
  const dataProvider = useDataProvider<LanternDataProvider>();
  const add = (values: Record<string, unknown>) => {
    const force = values.force as { id?: string } | null | undefined;
    return dataProvider.addPoliceContact(record.id, {
      contactDate: String(values.contactDate ?? ''),
      forceId: force?.id ?? '',
      officer: (values.officer as string | null) ?? null,
      crimeReference: (values.crimeReference as string | null) ?? null,
      summary: String(values.summary ?? ''),
    });
  };
  const defaults = { contactDate: todayInLondon(), force: record.report?.forceArea ? { id: record.report.forceArea.id } : null };
  return (
    <AddItemForm
      title="lantern.cases.police.add_title"
      record={defaults}
      perform={add}
      done="lantern.cases.police.added"
      saveLabel="lantern.cases.police.add"
      saveIcon={<LocalPoliceIcon />}
    >
      <Box sx={{ display: 'flex', flexWrap: 'wrap', columnGap: 2 }}>
        <DateInput
          source="contactDate"
          label="lantern.cases.police.contact_date"
          validate={required()}
          fullWidth={false}
        />
        <Box sx={{ width: 340 }}>
          <ReferenceInput source="force.id" reference="forces" sort={{ field: 'name', order: 'ASC' }} perPage={50}>
            <AutocompleteInput label="lantern.cases.police.force" validate={required()} />
          </ReferenceInput>
        </Box>
        <TextInput source="officer" label="lantern.cases.police.officer" fullWidth={false} sx={{ minWidth: 240 }} />
        <TextInput source="crimeReference" label="lantern.cases.police.crime_reference" fullWidth={false} sx={{ minWidth: 200 }} />
      </Box>
      <TextInput source="summary" label="lantern.cases.police.summary" multiline minRows={2} validate={required()} />
    </AddItemForm>
  );
};

/** Mediated contact with police about this case: when, which force, which officer, what was said. */
export const PoliceContacts = ({ canAct }: { canAct: boolean }) => {
  const record = useRecordContext<CaseRecord>();
  const translate = useTranslate();
  if (!record) return null;
  const noConsent = !record.report?.consent || record.report.consent.police === 'NONE';
  return (
    <Section title="lantern.cases.police.title" help="lantern.cases.police.help">
      {noConsent ? (
        <Alert severity="warning" sx={{ mb: 1 }}>
          {translate('lantern.cases.police.no_consent')}
        </Alert>
      ) : null}
      <ArrayField source="policeContacts">
        <DataTable bulkActionButtons={false} rowClick={false} empty={<EmptyText text="lantern.cases.police.empty" />}>
          <DataTable.Col source="contactDate" label="lantern.cases.police.contact_date" disableSort>
            <DayField source="contactDate" />
          </DataTable.Col>
          <DataTable.Col source="force.name" label="lantern.cases.police.force" disableSort />
          <DataTable.Col source="officer" label="lantern.cases.police.officer" disableSort>
            <TextField source="officer" emptyText="" />
          </DataTable.Col>
          <DataTable.Col source="crimeReference" label="lantern.cases.police.crime_reference" disableSort>
            <TextField source="crimeReference" emptyText="" />
          </DataTable.Col>
          <DataTable.Col source="summary" label="lantern.cases.police.summary" disableSort>
            <TextField source="summary" sx={{ whiteSpace: 'pre-wrap' }} />
          </DataTable.Col>
          <DataTable.Col source="recordedBy.name" label="lantern.cases.police.recorded_by" disableSort>
            <TextField source="recordedBy.name" emptyText="" />
          </DataTable.Col>
        </DataTable>
      </ArrayField>
      {canAct ? <AddPoliceContactForm record={record} /> : null}
    </Section>
  );
};
