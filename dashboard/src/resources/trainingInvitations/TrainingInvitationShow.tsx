import { Box, Typography } from '@mui/material';
import { Labeled, Show, TextField, useCanAccess, useRecordContext } from 'react-admin';
import { DayField } from '../../components/DayField';
import { ShowLink } from '../../components/ShowLink';
import { InvitationStatusField } from './InvitationStatusField';
import { MoveInvitationButton } from './MoveInvitationButton';
import type { TrainingInvitation } from './trainingInvitation';

const InvitationLayout = () => {
  const invitation = useRecordContext<TrainingInvitation>();
  const { canAccess: canMove = false } = useCanAccess({ resource: 'trainingInvitations', action: 'edit' });
  if (!invitation) return null;
  return (
    <Box sx={{ p: 2, display: 'flex', flexDirection: 'column', gap: 2 }}>
      <Typography variant="h5" component="h1">
        {`${invitation.force?.name ?? ''}: ${invitation.programme}`}
      </Typography>
      <Box sx={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(180px, 1fr))', gap: 2 }}>
        <Labeled label="resources.trainingInvitations.fields.status">
          <InvitationStatusField />
        </Labeled>
        <Labeled label="resources.trainingInvitations.fields.invitedOn">
          <DayField source="invitedOn" />
        </Labeled>
        <Labeled label="resources.trainingInvitations.fields.acceptedOn">
          <DayField source="acceptedOn" emptyText="–" />
        </Labeled>
        <Labeled label="resources.trainingInvitations.fields.declinedOn">
          <DayField source="declinedOn" emptyText="–" />
        </Labeled>
        <Labeled label="resources.trainingInvitations.fields.deliveredOn">
          <DayField source="deliveredOn" emptyText="–" />
        </Labeled>
        {invitation.session ? (
          <Labeled label="resources.trainingInvitations.fields.session">
            <ShowLink resource="trainingSessions" id={invitation.session.id}>
              {`${invitation.session.date} · ${invitation.session.programme}`}
            </ShowLink>
          </Labeled>
        ) : null}
      </Box>
      {invitation.notes ? (
        <Labeled label="resources.trainingInvitations.fields.notes">
          <TextField source="notes" sx={{ whiteSpace: 'pre-wrap' }} />
        </Labeled>
      ) : null}
      {canMove ? (
        <Box>
          <MoveInvitationButton invitation={invitation} />
        </Box>
      ) : null}
    </Box>
  );
};

export const TrainingInvitationShow = () => (
  <Show actions={false}>
    <InvitationLayout />
  </Show>
);
