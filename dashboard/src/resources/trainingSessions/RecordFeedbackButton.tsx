import RateReviewIcon from '@mui/icons-material/RateReview';
import { Box, Button } from '@mui/material';
import { useState } from 'react';
import {
  ArrayInput,
  NumberInput,
  SimpleFormIterator,
  TextInput,
  minValue,
  number,
  required,
  useDataProvider,
  useTranslate,
} from 'react-admin';
import { FormDialog } from '../../components/FormDialog';
import { useActionSubmit } from '../../components/useActionSubmit';
import type { LanternDataProvider, ThemeCount } from '../../providers/dataProvider';
import type { TrainingSession } from './trainingSession';

const whole = (value: unknown) =>
  value === null || value === undefined || value === '' || Number.isInteger(Number(value)) ? undefined : 'lantern.training.whole_number';

/** At most the responses, checked before asking the server (which checks it too). */
const notMoreThanResponses = (value: unknown, values: Record<string, unknown>) =>
  typeof value === 'number' && typeof values.responses === 'number' && value > values.responses
    ? { message: 'lantern.training.feedback.intend_too_many', args: { responses: values.responses } }
    : undefined;

const notMoreThanOfficers = (officers: number) => (value: unknown) =>
  typeof value === 'number' && value > officers ? { message: 'lantern.training.feedback.responses_too_many', args: { officers } } : undefined;

const themeRows = (list: unknown): ThemeCount[] =>
  (Array.isArray(list) ? list : [])
    .filter((t): t is { theme?: string; count?: number } => typeof t === 'object' && t !== null)
    .map((t) => ({ theme: String(t.theme ?? ''), count: Number(t.count ?? 0) }));

const ThemesInput = ({ source }: { source: 'concernsBefore' | 'concernsAfter' }) => (
  <ArrayInput source={source}>
    <SimpleFormIterator inline disableReordering>
      <TextInput source="theme" label="lantern.training.feedback.theme" validate={required()} helperText={false} />
      <NumberInput source="count" label="lantern.training.feedback.count" validate={[required(), number(), minValue(1), whole]} min={1} step={1} helperText={false} />
    </SimpleFormIterator>
  </ArrayInput>
);

/**
 * "Record feedback" (managers): how many officers answered, how many intend to use the service,
 * and their concerns before and after, by theme. Recording again replaces what was there.
 */
export const RecordFeedbackButton = ({ session }: { session: TrainingSession }) => {
  const dataProvider = useDataProvider<LanternDataProvider>();
  const translate = useTranslate();
  const [open, setOpen] = useState(false);
  const submit = useActionSubmit(
    (values) =>
      dataProvider.recordTrainingFeedback(session.id, {
        responses: Number(values.responses),
        intendToUse: Number(values.intendToUse),
        concernsBefore: themeRows(values.concernsBefore),
        concernsAfter: themeRows(values.concernsAfter),
      }),
    'lantern.training.feedback.recorded',
    () => setOpen(false),
  );
  const f = session.feedback;
  const record = {
    id: session.id,
    responses: f?.responses ?? null,
    intendToUse: f?.intendToUse ?? null,
    concernsBefore: (f?.concernsBefore ?? []).map(({ theme, count }) => ({ theme, count })),
    concernsAfter: (f?.concernsAfter ?? []).map(({ theme, count }) => ({ theme, count })),
  };
  return (
    <>
      <Button variant="contained" startIcon={<RateReviewIcon />} onClick={() => setOpen(true)}>
        {translate(f ? 'lantern.training.feedback.change' : 'lantern.training.feedback.record')}
      </Button>
      {open ? (
        <FormDialog
          open={open}
          onClose={() => setOpen(false)}
          title="lantern.training.feedback.title"
          help="lantern.training.feedback.help"
          record={record}
          onSubmit={submit}
          maxWidth="md"
        >
          <Box sx={{ display: 'flex', flexWrap: 'wrap', columnGap: 2 }}>
            <NumberInput
              source="responses"
              label="lantern.training.feedback.responses"
              validate={[required(), number(), minValue(0), whole, notMoreThanOfficers(session.officersAttending)]}
              min={0}
              step={1}
              helperText={translate('lantern.training.feedback.responses_help', { officers: session.officersAttending })}
            />
            <NumberInput
              source="intendToUse"
              label="lantern.training.feedback.intend"
              validate={[required(), number(), minValue(0), whole, notMoreThanResponses]}
              min={0}
              step={1}
              helperText="lantern.training.feedback.intend_help"
            />
          </Box>
          <ThemesInput source="concernsBefore" />
          <ThemesInput source="concernsAfter" />
        </FormDialog>
      ) : null}
    </>
  );
};
