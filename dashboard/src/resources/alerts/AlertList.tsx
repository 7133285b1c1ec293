import { Chip, Stack } from '@mui/material';
import {
  CreateButton,
  DataTable,
  DateField,
  List,
  SelectInput,
  TopToolbar,
  useCanAccess,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import { ShowLink } from '../../components/ShowLink';
import { alertStatusChoices, alertStatusLabel, type Alert } from './alert';

// The AlertFilter's own names. The API lists alerts newest first, and sorts by nothing else.
const alertFilters = [<SelectInput key="status" source="status" choices={alertStatusChoices} alwaysOn />];

/** "Create" for case workers and managers only (canAccess). */
const AlertListActions = () => {
  const { canAccess: canCreate = false } = useCanAccess({ resource: 'alerts', action: 'create' });
  return <TopToolbar>{canCreate ? <CreateButton /> : null}</TopToolbar>;
};

/** The title, as the link to the alert's page. */
const TitleField = (_props: { label?: string }) => {
  const alert = useRecordContext<Alert>();
  if (!alert) return null;
  return (
    <ShowLink resource="alerts" id={alert.id}>
      {alert.title}
    </ShowLink>
  );
};

/** The status in plain words ("Approved" for an approved alert waiting to be published). */
export const AlertStatusField = (_props: { label?: string }) => {
  const alert = useRecordContext<Alert>();
  const translate = useTranslate();
  if (!alert) return null;
  const live = alert.status === 'PUBLISHED';
  const waiting = alert.status === 'DRAFT' || alert.status === 'PENDING_REVIEW';
  return (
    <Chip size="small" label={translate(alertStatusLabel(alert))} color={live ? 'success' : waiting ? 'primary' : 'default'} />
  );
};

const TargetAreasField = (_props: { label?: string }) => {
  const alert = useRecordContext<Alert>();
  if (!alert?.targetAreas?.length) return null;
  return (
    <Stack direction="row" spacing={0.5} useFlexGap flexWrap="wrap" component="ul" sx={{ listStyle: 'none', m: 0, p: 0 }}>
      {alert.targetAreas.map((force) => (
        <li key={force.id}>
          <Chip size="small" variant="outlined" label={force.name} />
        </li>
      ))}
    </Stack>
  );
};

/**
 * Alerts, newest first, by status. Case workers and managers see every alert (and "Create");
 * admins and police partners see published ones only (police also those asked for by their force).
 */
export const AlertList = () => {
  const { canAccess: canCreate = false } = useCanAccess({ resource: 'alerts', action: 'create' });
  return (
    // no "Do you want to add one?" for those who only read alerts (admins, police)
    <List filters={alertFilters} actions={<AlertListActions />} exporter={false} empty={canCreate ? undefined : false}>
      <DataTable rowClick="show" bulkActionButtons={false}>
        <DataTable.Col source="title" disableSort>
          <TitleField />
        </DataTable.Col>
        <DataTable.Col source="status" disableSort>
          <AlertStatusField />
        </DataTable.Col>
        <DataTable.Col source="targetAreas" disableSort>
          <TargetAreasField />
        </DataTable.Col>
        <DataTable.Col source="publishedAt" disableSort>
          <DateField locales="en-GB" source="publishedAt" showTime emptyText="" />
        </DataTable.Col>
        <DataTable.Col source="expiresAt" disableSort>
          <DateField locales="en-GB" source="expiresAt" showTime emptyText="" />
        </DataTable.Col>
      </DataTable>
    </List>
  );
};
