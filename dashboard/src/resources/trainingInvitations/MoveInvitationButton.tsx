import TrendingFlatIcon from '@mui/icons-material/TrendingFlat';
import { Button } from '@mui/material';
import { useState } from 'react';
import {
  AutocompleteInput,
  DateInput,
  FormDataConsumer,
  RadioButtonGroupInput,
  ReferenceInput,
  required,
  useDataProvider,
  useTranslate,
  type Identifier,
} from 'react-admin';
import { FormDialog } from '../../components/FormDialog';
import { useActionSubmit } from '../../components/useActionSubmit';
import type { LanternDataProvider } from '../../providers/dataProvider';
import { todayInLondon } from '../reports/report';
import { INVITATION_NEXT, invitationStatusChoices, type TrainingInvitation } from './trainingInvitation';

const sessionText = (s: { date?: string; programme?: string }) => `${s.date ?? ''} · ${s.programme ?? ''}`;

/**
 * "Move on" (managers): the force accepted, declined, or was trained, on a date; for "Trained",
 * optionally the session that trained them (one their force attended).
 */
export const MoveInvitationButton = ({ invitation }: { invitation: TrainingInvitation }) => {
  const dataProvider = useDataProvider<LanternDataProvider>();
  const translate = useTranslate();
  const [open, setOpen] = useState(false);
  const next = INVITATION_NEXT[invitation.status] ?? [];
  const submit = useActionSubmit(
    (values) =>
      dataProvider.moveTrainingInvitation(
        invitation.id,
        String(values.status),
        String(values.on ?? ''),
        values.status === 'DELIVERED' ? ((values.sessionId as Identifier | null) ?? null) : null,
      ),
    'lantern.invitations.moved',
    () => setOpen(false),
  );
  if (next.length === 0) return null;
  const choices = invitationStatusChoices
    .filter((c) => next.includes(c.id))
    .map((c) => ({ ...c, name: `lantern.invitations.move_to.${c.id}` }));
  return (
    <>
      <Button
        size="small"
        variant="outlined"
        startIcon={<TrendingFlatIcon />}
        onClick={(event) => {
          event.stopPropagation();
          setOpen(true);
        }}
        aria-label={translate('lantern.invitations.move_label', { force: invitation.force?.name ?? '' })}
        sx={{ whiteSpace: 'nowrap' }}
      >
        {translate('lantern.invitations.move')}
      </Button>
      {open ? (
        <span onClick={(event) => event.stopPropagation()}>
          <FormDialog
            open={open}
            onClose={() => setOpen(false)}
            title="lantern.invitations.move_title"
            help="lantern.invitations.move_help"
            record={{ id: invitation.id, status: null, on: todayInLondon(), sessionId: null }}
            onSubmit={submit}
            alwaysEnable
          >
            <RadioButtonGroupInput source="status" label="lantern.invitations.new_status" choices={choices} validate={required()} row={false} />
            <DateInput source="on" label="lantern.invitations.on" validate={required()} helperText="lantern.invitations.on_help" />
            <FormDataConsumer<{ status?: string }>>
              {({ formData }) =>
                formData.status === 'DELIVERED' ? (
                  <ReferenceInput
                    source="sessionId"
                    reference="trainingSessions"
                    filter={{ forceId: invitation.force.id }}
                    sort={{ field: 'date', order: 'DESC' }}
                    perPage={50}
                  >
                    <AutocompleteInput
                      label="lantern.invitations.session"
                      helperText="lantern.invitations.session_help"
                      optionText={sessionText}
                    />
                  </ReferenceInput>
                ) : null
              }
            </FormDataConsumer>
          </FormDialog>
        </span>
      ) : null}
    </>
  );
};
