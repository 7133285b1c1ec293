import {
  AutocompleteInput,
  CreateButton,
  DataTable,
  List,
  ReferenceInput,
  SelectInput,
  TextField,
  TextInput,
  TopToolbar,
  useCanAccess,
  usePermissions,
  useRecordContext,
} from 'react-admin';
import { DayField } from '../../components/DayField';
import { ShowLink } from '../../components/ShowLink';
import { InvitationStatusField } from './InvitationStatusField';
import { MoveInvitationButton } from './MoveInvitationButton';
import { ProgrammePipeline } from './ProgrammePipeline';
import { invitationStatusChoices, type TrainingInvitation } from './trainingInvitation';

// The TrainingInvitationFilter's own names. The API lists invitations newest first only.
const staffFilters = [
  <TextInput key="programme" source="programme" alwaysOn />,
  <SelectInput key="status" source="status" choices={invitationStatusChoices} alwaysOn />,
  <ReferenceInput key="force" source="forceId" reference="forces" sort={{ field: 'name', order: 'ASC' }} perPage={50} alwaysOn>
    <AutocompleteInput label="resources.trainingInvitations.fields.force" sx={{ minWidth: 240 }} />
  </ReferenceInput>,
];
const policeFilters = staffFilters.slice(0, 2);

const InvitationListActions = () => {
  const { canAccess: canCreate = false } = useCanAccess({ resource: 'trainingInvitations', action: 'create' });
  return <TopToolbar>{canCreate ? <CreateButton /> : null}</TopToolbar>;
};

const SessionField = (_props: { label?: string }) => {
  const invitation = useRecordContext<TrainingInvitation>();
  if (!invitation?.session) return null;
  return (
    <ShowLink resource="trainingSessions" id={invitation.session.id}>
      {invitation.session.date}
    </ShowLink>
  );
};

const MoveField = (_props: { label?: string }) => {
  const invitation = useRecordContext<TrainingInvitation>();
  const { canAccess: canMove = false } = useCanAccess({ resource: 'trainingInvitations', action: 'edit' });
  if (!invitation || !canMove) return null;
  return <MoveInvitationButton invitation={invitation} />;
};

/**
 * Forces invited to training programmes, by programme and status (staff see each programme's
 * pipeline above the list). Managers invite forces and move invitations on; a police partner
 * sees their own force's invitations.
 */
export const TrainingInvitationList = () => {
  const { permissions, isPending } = usePermissions();
  const { canAccess: canMove = false } = useCanAccess({ resource: 'trainingInvitations', action: 'edit' });
  if (isPending) return null;
  const police = permissions === 'POLICE_PARTNER';
  return (
    <List filters={police ? policeFilters : staffFilters} actions={<InvitationListActions />} exporter={false} perPage={50}>
      <ProgrammePipeline />
      <DataTable rowClick="show" bulkActionButtons={false}>
        <DataTable.Col source="programme" disableSort />
        <DataTable.Col source="force" disableSort>
          <TextField source="force.name" />
        </DataTable.Col>
        <DataTable.Col source="status" disableSort>
          <InvitationStatusField />
        </DataTable.Col>
        <DataTable.Col source="invitedOn" disableSort>
          <DayField source="invitedOn" />
        </DataTable.Col>
        <DataTable.Col source="session" disableSort>
          <SessionField />
        </DataTable.Col>
        {canMove ? (
          <DataTable.Col source="id" label="lantern.invitations.next_step" disableSort>
            <MoveField />
          </DataTable.Col>
        ) : null}
      </DataTable>
    </List>
  );
};
