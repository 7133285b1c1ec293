import GavelIcon from '@mui/icons-material/Gavel';
import LockOpenIcon from '@mui/icons-material/LockOpen';
import { Alert, Button, Stack, Typography } from '@mui/material';
import { useEffect, useState } from 'react';
import { TextInput, maxLength, minLength, required, usePermissions, useRecordContext, useTranslate, type Identifier } from 'react-admin';
import { FormDialog } from '../components/FormDialog';
import { Section } from '../components/Section';
import { formatWhen } from '../components/formatWhen';
import { useActionSubmit } from '../components/useActionSubmit';
import { activeLegalHold, placeLegalHold, releaseLegalHold, type LegalHold, type LegalHoldTarget } from './retentionApi';

/** Who may do what (the server decides; this only chooses which buttons to show). */
const PLACERS = ['ADMIN', 'MANAGER', 'CASE_WORKER'];
const RELEASERS = ['ADMIN', 'MANAGER'];

const REASON = [required(), minLength(3), maxLength(2000)];

/** `record.report.id` for source "report.id". */
function idAt(record: Record<string, unknown> | undefined, source: string): Identifier | undefined {
  let value: unknown = record;
  for (const key of source.split('.')) value = (value as Record<string, unknown> | undefined)?.[key];
  return typeof value === 'string' || typeof value === 'number' ? value : undefined;
}

interface LegalHoldPanelProps {
  target: LegalHoldTarget;
  /** Where the member's or report's id is in the record: `id`, or `report.id` on a case. */
  source?: string;
  /** In a show layout's tab: no field label around the panel (react-admin reads this prop). */
  label?: false;
}

/**
 * The legal hold on a member or a report (and its case): whether one is in force, why and since
 * when; "Place legal hold" for staff, "Release" for managers and admins, each asking why.
 */
export const LegalHoldPanel = ({ target, source = 'id' }: LegalHoldPanelProps) => {
  const record = useRecordContext();
  const id = idAt(record as Record<string, unknown> | undefined, source);
  const { permissions } = usePermissions();
  const translate = useTranslate();
  const [hold, setHold] = useState<LegalHold | null | undefined>(undefined);
  const [reload, setReload] = useState(0);
  const [dialog, setDialog] = useState<'place' | 'release' | null>(null);

  useEffect(() => {
    if (id == null) return undefined;
    let live = true;
    activeLegalHold(id).then(
      (found) => live && setHold(found),
      () => live && setHold(null),
    );
    return () => {
      live = false;
    };
  }, [id, reload]);

  const after = () => {
    setDialog(null);
    setReload((n) => n + 1);
  };
  const place = useActionSubmit((values) => placeLegalHold(target, id!, String(values.reason ?? '')), 'lantern.retention.hold.placed', after);
  const release = useActionSubmit((values) => releaseLegalHold(hold!.id, String(values.reason ?? '')), 'lantern.retention.hold.released', after);

  if (id == null || hold === undefined) return null;
  const canPlace = PLACERS.includes(String(permissions));
  const canRelease = RELEASERS.includes(String(permissions));
  return (
    <Section title="lantern.retention.hold.title">
      {hold ? (
        <Alert severity="warning" icon={<GavelIcon />} sx={{ mb: 1 }}>
          <Typography variant="body2">{translate('lantern.retention.hold.active', { date: formatWhen(hold.placedAt) })}</Typography>
          <Typography variant="body2">
            <strong>{translate('lantern.retention.hold.reason')}:</strong> {hold.reason}
          </Typography>
          {hold.placedByName ? <Typography variant="body2">{translate('lantern.retention.hold.placed_by', { name: hold.placedByName })}</Typography> : null}
          {canRelease ? (
            <Button size="small" startIcon={<LockOpenIcon />} onClick={() => setDialog('release')} sx={{ mt: 1 }}>
              {translate('lantern.retention.hold.release')}
            </Button>
          ) : (
            <Typography variant="body2" color="text.secondary">
              {translate('lantern.retention.hold.release_elsewhere')}
            </Typography>
          )}
        </Alert>
      ) : (
        <Stack direction="row" spacing={2} sx={{ alignItems: 'center' }}>
          <Typography variant="body2" color="text.secondary">
            {translate('lantern.retention.hold.none')}
          </Typography>
          {canPlace ? (
            <Button size="small" variant="outlined" startIcon={<GavelIcon />} onClick={() => setDialog('place')}>
              {translate('lantern.retention.hold.place')}
            </Button>
          ) : null}
        </Stack>
      )}
      <FormDialog
        open={dialog === 'place'}
        onClose={() => setDialog(null)}
        title="lantern.retention.hold.place_title"
        help="lantern.retention.hold.place_help"
        onSubmit={place}
        saveLabel="lantern.retention.hold.place"
        saveIcon={<GavelIcon />}
      >
        <TextInput source="reason" label="lantern.retention.hold.reason" multiline minRows={2} validate={REASON} />
      </FormDialog>
      <FormDialog
        open={dialog === 'release'}
        onClose={() => setDialog(null)}
        title="lantern.retention.hold.release_title"
        help="lantern.retention.hold.release_help"
        onSubmit={release}
        saveLabel="lantern.retention.hold.release"
        saveIcon={<LockOpenIcon />}
      >
        <TextInput source="reason" label="lantern.retention.hold.reason" multiline minRows={2} validate={REASON} />
      </FormDialog>
    </Section>
  );
};
