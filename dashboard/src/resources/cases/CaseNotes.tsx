import NoteAddIcon from '@mui/icons-material/NoteAdd';
import { Box, Paper, Typography } from '@mui/material';
import { useState } from 'react';
import {
  Form,
  SaveButton,
  TextInput,
  required,
  useDataProvider,
  useNotify,
  useRecordContext,
  useRefresh,
} from 'react-admin';
import { EmptyText } from '../../components/EmptyText';
import { Section } from '../../components/Section';
import { formatWhen } from '../../components/formatWhen';
import { submitErrors } from '../../components/submitErrors';
import type { LanternDataProvider } from '../../providers/dataProvider';
import type { CaseRecord } from './case';

/** "Add note": addCaseNote(caseId, body); the box empties once the note is saved. */
const AddNoteForm = ({ caseId }: { caseId: CaseRecord['id'] }) => {
  const dataProvider = useDataProvider<LanternDataProvider>();
  const notify = useNotify();
  const refresh = useRefresh();
  const [formKey, setFormKey] = useState(0);
  const submit = async (values: Record<string, unknown>) => {
    try {
      await dataProvider.addCaseNote(caseId, String(values.body ?? ''));
      notify('lantern.cases.notes.added', { type: 'success' });
      setFormKey((key) => key + 1);
      refresh();
      return undefined;
    } catch (error) {
      return submitErrors(error, notify);
    }
  };
  return (
    <Form key={formKey} onSubmit={submit} noValidate>
      <TextInput source="body" label="lantern.cases.notes.body" multiline minRows={3} validate={required()} />
      <SaveButton label="lantern.cases.notes.add" icon={<NoteAddIcon />} variant="outlined" />
    </Form>
  );
};

/** The case notes, oldest first (a timeline: the newest is last, next to the box to add one). */
export const CaseNotes = ({ canAct }: { canAct: boolean }) => {
  const record = useRecordContext<CaseRecord>();
  if (!record) return null;
  const notes = record.notes ?? [];
  return (
    <Section title="lantern.cases.notes.title" help="lantern.cases.notes.help">
      {notes.length === 0 ? (
        <EmptyText text="lantern.cases.notes.empty" />
      ) : (
        <Box component="ol" sx={{ listStyle: 'none', p: 0, m: 0, display: 'flex', flexDirection: 'column', gap: 1 }}>
          {notes.map((note) => (
            <Paper component="li" key={note.id} variant="outlined" sx={{ p: 1.5 }}>
              <Typography variant="caption" color="text.secondary" component="p">
                {[note.author?.name, formatWhen(note.createdAt)].filter(Boolean).join(' · ')}
              </Typography>
              <Typography variant="body2" sx={{ whiteSpace: 'pre-wrap' }}>
                {note.body}
              </Typography>
            </Paper>
          ))}
        </Box>
      )}
      {canAct ? (
        <Box sx={{ mt: 2 }}>
          <AddNoteForm caseId={record.id} />
        </Box>
      ) : null}
    </Section>
  );
};
