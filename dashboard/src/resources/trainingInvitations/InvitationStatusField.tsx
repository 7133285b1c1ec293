import { Chip } from '@mui/material';
import { useRecordContext, useTranslate } from 'react-admin';
import type { TrainingInvitation } from './trainingInvitation';

const COLOURS: Record<string, 'default' | 'primary' | 'success' | 'warning'> = {
  INVITED: 'primary',
  ACCEPTED: 'warning',
  DECLINED: 'default',
  DELIVERED: 'success',
};

/** The status in plain words, with the day it was reached. */
export const InvitationStatusField = (_props: { label?: string }) => {
  const invitation = useRecordContext<TrainingInvitation>();
  const translate = useTranslate();
  if (!invitation) return null;
  const on =
    invitation.status === 'DELIVERED'
      ? invitation.deliveredOn
      : invitation.status === 'ACCEPTED'
        ? invitation.acceptedOn
        : invitation.status === 'DECLINED'
          ? invitation.declinedOn
          : invitation.invitedOn;
  const label = translate(`lantern.enums.InvitationStatus.${invitation.status}`);
  return <Chip size="small" color={COLOURS[invitation.status] ?? 'default'} label={on ? `${label} · ${on}` : label} />;
};
