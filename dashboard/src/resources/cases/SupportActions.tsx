import AddTaskIcon from '@mui/icons-material/AddTask';
import { Box, TextField as MuiTextField } from '@mui/material';
import { useState, type ChangeEvent } from 'react';
import {
  ArrayField,
  DataTable,
  DateField,
  SelectField,
  SelectInput,
  TextField,
  TextInput,
  required,
  useDataProvider,
  useNotify,
  useRecordContext,
  useRefresh,
  useTranslate,
} from 'react-admin';
import { AddItemForm } from '../../components/AddItemForm';
import { EmptyText } from '../../components/EmptyText';
import { Section } from '../../components/Section';
import type { LanternDataProvider, SupportActionInput } from '../../providers/dataProvider';
import { toHttpError } from '../../providers/errors';
import { supportKindChoices, supportStatusChoices, type CaseRecord, type SupportAction } from './case';

/** A support action's status, changeable in place by a case worker (updateSupportAction). */
const SupportStatusSelect = ({ canAct }: { canAct: boolean; label?: string }) => {
  const action = useRecordContext<SupportAction>();
  const dataProvider = useDataProvider<LanternDataProvider>();
  const notify = useNotify();
  const refresh = useRefresh();
  const translate = useTranslate();
  const [busy, setBusy] = useState(false);
  if (!action) return null;
  if (!canAct) return <SelectField source="status" choices={supportStatusChoices} />;
  const change = async (event: ChangeEvent<HTMLInputElement>) => {
    setBusy(true);
    try {
      await dataProvider.updateSupportAction(action.id, event.target.value);
      notify('lantern.cases.support.updated', { type: 'success' });
    } catch (error) {
      const { message } = toHttpError(error);
      notify(message, { type: 'error', messageArgs: { _: message } });
    } finally {
      setBusy(false);
      refresh();
    }
  };
  const kind = translate(`lantern.enums.SupportKind.${action.kind}`);
  return (
    <MuiTextField
      select
      size="small"
      value={action.status}
      onChange={change}
      disabled={busy}
      onClick={(event) => event.stopPropagation()}
      slotProps={{ select: { native: true }, htmlInput: { 'aria-label': translate('lantern.cases.support.status_of', { kind }) } }}
    >
      {supportStatusChoices.map((choice) => (
        <option key={choice.id} value={choice.id}>
          {translate(choice.name)}
        </option>
      ))}
    </MuiTextField>
  );
};

/** "Add support action": addSupportAction(caseId, { kind, agency, status, note }). */
const AddSupportActionForm = ({ caseId }: { caseId: CaseRecord['id'] }) => {
  const dataProvider = useDataProvider<LanternDataProvider>();
  return (
    <AddItemForm
      title="lantern.cases.support.add_title"
      record={{ status: 'PLANNED' }}
      perform={(values) => dataProvider.addSupportAction(caseId, values as unknown as SupportActionInput)}
      done="lantern.cases.support.added"
      saveLabel="lantern.cases.support.add"
      saveIcon={<AddTaskIcon />}
    >
      <Box sx={{ display: 'flex', flexWrap: 'wrap', columnGap: 2 }}>
        <SelectInput
          source="kind"
          label="lantern.cases.support.kind"
          choices={supportKindChoices}
          validate={required()}
          fullWidth={false}
          sx={{ minWidth: 320 }}
        />
        <TextInput source="agency" label="lantern.cases.support.agency" fullWidth={false} sx={{ minWidth: 280 }} />
        <SelectInput
          source="status"
          label="lantern.cases.support.status"
          choices={supportStatusChoices}
          validate={required()}
          fullWidth={false}
          sx={{ minWidth: 180 }}
        />
      </Box>
      <TextInput source="note" label="lantern.cases.support.note" multiline minRows={2} />
    </AddItemForm>
  );
};

/** Support actions and referrals: what the charity does for the member, and who it refers them to. */
export const SupportActions = ({ canAct }: { canAct: boolean }) => {
  const record = useRecordContext<CaseRecord>();
  if (!record) return null;
  return (
    <Section title="lantern.cases.support.title">
      <ArrayField source="supportActions">
        <DataTable bulkActionButtons={false} rowClick={false} empty={<EmptyText text="lantern.cases.support.empty" />}>
          <DataTable.Col source="kind" label="lantern.cases.support.kind" disableSort>
            <SelectField source="kind" choices={supportKindChoices} />
          </DataTable.Col>
          <DataTable.Col source="agency" label="lantern.cases.support.agency" disableSort>
            <TextField source="agency" emptyText="" />
          </DataTable.Col>
          <DataTable.Col source="status" label="lantern.cases.support.status" disableSort>
            <SupportStatusSelect canAct={canAct} />
          </DataTable.Col>
          <DataTable.Col source="note" label="lantern.cases.support.note" disableSort>
            <TextField source="note" emptyText="" sx={{ whiteSpace: 'pre-wrap' }} />
          </DataTable.Col>
          <DataTable.Col source="createdAt" label="lantern.cases.support.created" disableSort>
            <DateField locales="en-GB" source="createdAt" showTime />
          </DataTable.Col>
        </DataTable>
      </ArrayField>
      {canAct ? <AddSupportActionForm caseId={record.id} /> : null}
    </Section>
  );
};
