import PlayArrowIcon from '@mui/icons-material/PlayArrow';
import { Button, Typography } from '@mui/material';
import { useState } from 'react';
import {
  DataTable,
  DateField,
  List,
  SelectField,
  SelectInput,
  TextInput,
  TopToolbar,
  useNotify,
  usePermissions,
  useRecordContext,
  useRefresh,
  useTranslate,
} from 'react-admin';
import { auditActionChoices, auditEntityChoices } from '../labels';
import { runRetention } from '../retentionApi';

const filters = [
  <SelectInput key="action" source="action" choices={auditActionChoices} alwaysOn />,
  <SelectInput key="entityType" source="entityType" choices={auditEntityChoices} alwaysOn />,
  <TextInput key="entityId" source="entityId" />,
  <TextInput key="runId" source="runId" />,
];

/** Who acted: a member of staff by name, a member by role only, or the retention job. */
const ActorField = () => {
  const record = useRecordContext<{ actorName?: string | null; actorRole?: string | null; job?: string | null }>();
  const translate = useTranslate();
  if (!record) return null;
  const text = record.actorName ?? record.actorRole ?? (record.job ? translate('lantern.retention.job') : '');
  return <Typography variant="body2">{text}</Typography>;
};

/** Admins: apply the retention schedules now (the daily job does the same). */
const RunRetentionButton = () => {
  const { permissions } = usePermissions();
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const [busy, setBusy] = useState(false);
  if (permissions !== 'ADMIN') return null;
  const run = async () => {
    setBusy(true);
    try {
      const result = await runRetention();
      const done = result.outcomes.filter((o) => o.count > 0);
      const summary = done.map((o) => `${translate(`lantern.retention.actions.${o.action}`)}: ${o.count}`).join(', ');
      notify(done.length ? 'lantern.retention.run.done' : 'lantern.retention.run.nothing', { type: 'success', messageArgs: { summary } });
      refresh();
    } catch (error) {
      const message = error instanceof Error ? error.message : 'ra.notification.http_error';
      notify(message, { type: 'error', messageArgs: { _: message } });
    } finally {
      setBusy(false);
    }
  };
  return (
    <Button size="small" startIcon={<PlayArrowIcon />} onClick={run} disabled={busy}>
      {translate('lantern.retention.run.action')}
    </Button>
  );
};

/**
 * The audit trail of retention, erasure and legal holds (admins and managers), newest first:
 * ids, counts and schedules only, never personal data. Read-only: nobody can change it.
 */
export const AuditEventList = () => (
  <List filters={filters} actions={<TopToolbar><RunRetentionButton /></TopToolbar>} sort={{ field: 'at', order: 'DESC' }} exporter={false}>
    <DataTable bulkActionButtons={false} rowClick={false}>
      <DataTable.Col source="at" disableSort>
        <DateField locales="en-GB" source="at" showTime />
      </DataTable.Col>
      <DataTable.Col source="action" disableSort>
        <SelectField source="action" choices={auditActionChoices} />
      </DataTable.Col>
      <DataTable.Col source="entityType" disableSort>
        <SelectField source="entityType" choices={auditEntityChoices} />
      </DataTable.Col>
      <DataTable.Col source="entityId" disableSort />
      <DataTable.Col source="count" disableSort />
      <DataTable.Col source="actorName" label="resources.auditEvents.fields.actorName" disableSort>
        <ActorField />
      </DataTable.Col>
      <DataTable.Col source="schedule" disableSort />
      <DataTable.Col source="runId" disableSort />
    </DataTable>
  </List>
);
