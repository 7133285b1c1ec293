import type { RaRecord } from 'react-admin';
import { flatExporter } from '../../components/csv';
import { enumLabel } from '../../components/enumLabel';
import { enumChoices } from '../../providers/schema';
import type { ThemeCount } from '../../providers/dataProvider';
import type { ForceRef } from '../reports/report';

export interface Trainer {
  name: string;
  expertByExperience: boolean;
}

export interface TrainingFeedback {
  id: string;
  responses: number;
  intendToUse: number;
  concernsBefore?: ThemeCount[];
  concernsAfter?: ThemeCount[];
  createdAt?: string;
  updatedAt?: string;
}

export interface TrainingSession extends RaRecord {
  date: string;
  financialYear: string;
  programme: string;
  format: string;
  location?: string | null;
  notes?: string | null;
  officersAttending: number;
  forces: ForceRef[];
  trainers: Trainer[];
  feedback?: TrainingFeedback | null;
  createdAt?: string;
  updatedAt?: string;
}

const FORMAT_ORDER = ['IN_PERSON', 'ONLINE', 'HYBRID'];
export const trainingFormatChoices = [...enumChoices('TrainingFormat')].sort(
  (a, b) => FORMAT_ORDER.indexOf(a.id) - FORMAT_ORDER.indexOf(b.id),
);

export const hasExpertByExperience = (s: Pick<TrainingSession, 'trainers'>) => (s.trainers ?? []).some((t) => t.expertByExperience);

/** The share of respondents intending to use the service, as a whole percentage (or empty). */
export const intentShare = (f: Pick<TrainingFeedback, 'responses' | 'intendToUse'> | null | undefined) =>
  f && f.responses > 0 ? Math.round((f.intendToUse / f.responses) * 100) : null;

/**
 * The sessions list as a CSV file: exactly its columns (never the notes or the trainers' names,
 * which the list does not show), with the feedback numbers.
 */
export const trainingSessionExporter = flatExporter<TrainingSession>('lantern-training-sessions', (s) => ({
  Date: s.date,
  'Financial year': s.financialYear, // the date's, shown on screen as the date
  Programme: s.programme,
  Forces: (s.forces ?? []).map((f) => f.name).join('; '),
  Format: enumLabel('TrainingFormat', s.format),
  Location: s.location ?? '',
  'Officers attending': s.officersAttending,
  'Led with an expert by experience': hasExpertByExperience(s) ? 'Yes' : 'No',
  'Feedback responses': s.feedback?.responses ?? '',
  'Intend to use the service': s.feedback?.intendToUse ?? '',
  'Intend to use (%)': intentShare(s.feedback) ?? '',
}));

export const trainingSessionRepresentation = (s: TrainingSession) => `${s.date ?? ''} ${s.programme ?? ''}`.trim() || String(s.id);
