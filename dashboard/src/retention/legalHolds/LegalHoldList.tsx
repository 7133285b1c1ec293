import LockOpenIcon from '@mui/icons-material/LockOpen';
import { Button } from '@mui/material';
import { useState, type MouseEvent } from 'react';
import {
  BooleanField,
  DataTable,
  DateField,
  List,
  NullableBooleanInput,
  SelectField,
  SelectInput,
  TextInput,
  maxLength,
  minLength,
  required,
  usePermissions,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import { FormDialog } from '../../components/FormDialog';
import { ShowLink } from '../../components/ShowLink';
import { useActionSubmit } from '../../components/useActionSubmit';
import { legalHoldTargetChoices } from '../labels';
import { releaseLegalHold, type LegalHold } from '../retentionApi';

const filters = [
  <SelectInput key="target" source="target" choices={legalHoldTargetChoices} alwaysOn />,
  <NullableBooleanInput key="active" source="active" alwaysOn />,
  <TextInput key="entityId" source="entityId" />,
];

/** The member's or report's page, for those who may open it (else just the id). */
const EntityLink = () => {
  const hold = useRecordContext<LegalHold>();
  if (!hold) return null;
  return (
    <ShowLink resource={hold.target === 'MEMBER' ? 'members' : 'reports'} id={hold.entityId}>
      {String(hold.entityId)}
    </ShowLink>
  );
};

/** Managers and admins: release a hold in force, saying why. */
const ReleaseButton = () => {
  const hold = useRecordContext<LegalHold>();
  const { permissions } = usePermissions();
  const translate = useTranslate();
  const [open, setOpen] = useState(false);
  const submit = useActionSubmit((values) => releaseLegalHold(hold!.id, String(values.reason ?? '')), 'lantern.retention.hold.released', () => setOpen(false));
  if (!hold?.active || !['ADMIN', 'MANAGER'].includes(String(permissions))) return null;
  return (
    <>
      <Button
        size="small"
        startIcon={<LockOpenIcon />}
        onClick={(event: MouseEvent) => {
          event.stopPropagation();
          setOpen(true);
        }}
      >
        {translate('lantern.retention.hold.release')}
      </Button>
      <FormDialog
        open={open}
        onClose={() => setOpen(false)}
        title="lantern.retention.hold.release_title"
        help="lantern.retention.hold.release_help"
        onSubmit={submit}
        saveLabel="lantern.retention.hold.release"
        saveIcon={<LockOpenIcon />}
      >
        <TextInput source="reason" label="lantern.retention.hold.reason" multiline minRows={2} validate={[required(), minLength(3), maxLength(2000)]} />
      </FormDialog>
    </>
  );
};

/**
 * Legal holds (staff), in force unless the filter says otherwise, newest first. Holds are placed
 * from the member's, the report's or the case's page; released here or on the report's page.
 */
export const LegalHoldList = () => (
  <List filters={filters} filterDefaultValues={{ active: true }} sort={{ field: 'placedAt', order: 'DESC' }} exporter={false}>
    <DataTable bulkActionButtons={false} rowClick={false}>
      <DataTable.Col source="target" disableSort>
        <SelectField source="target" choices={legalHoldTargetChoices} />
      </DataTable.Col>
      <DataTable.Col source="entityId" disableSort>
        <EntityLink />
      </DataTable.Col>
      <DataTable.Col source="reason" disableSort />
      <DataTable.Col source="placedAt" disableSort>
        <DateField locales="en-GB" source="placedAt" showTime />
      </DataTable.Col>
      <DataTable.Col source="placedByName" disableSort />
      <DataTable.Col source="active" disableSort>
        <BooleanField source="active" />
      </DataTable.Col>
      <DataTable.Col source="releasedAt" disableSort>
        <DateField locales="en-GB" source="releasedAt" showTime emptyText="" />
      </DataTable.Col>
      <DataTable.Col source="releaseReason" disableSort />
      <DataTable.Col label=" " disableSort>
        <ReleaseButton />
      </DataTable.Col>
    </DataTable>
  </List>
);
