import { Typography } from '@mui/material';
import { useEffect, useState } from 'react';
import {
  AutocompleteArrayInput,
  CheckboxGroupInput,
  DateTimeInput,
  FormDataConsumer,
  ReferenceArrayInput,
  TextInput,
  required,
  useDataProvider,
  useTranslate,
  type Identifier,
} from 'react-admin';
import { Section } from '../../components/Section';
import type { AlertSourceReport, LanternDataProvider } from '../../providers/dataProvider';
import { toHttpError } from '../../providers/errors';
import type { Choice } from '../../providers/schema';
import { orderedIncidentTypeChoices, type Report } from '../reports/report';
import { identifierFromKey, identifierKey, type AlertIdentifier } from './alert';

/**
 * The parts of the alert editor, shared by AlertCreate and AlertEdit. Sources follow the
 * AlertInput's names, so a server error naming a field marks its input: `title`, `body`,
 * `targetAreaIds`, `incidentTypes`, `sourceReportIds`, `expiresAt`.
 */

const toIsoDateTime = (value: unknown) => (value ? new Date(String(value)).toISOString() : null);

export const AlertTextSection = () => (
  <Section title="lantern.alerts.form.text" help="lantern.alerts.form.text_help">
    <TextInput source="title" validate={required()} />
    <TextInput source="body" multiline minRows={5} validate={required()} />
  </Section>
);

export const AlertWhereWhatSection = () => (
  <Section title="lantern.alerts.form.where_what">
    <ReferenceArrayInput source="targetAreaIds" reference="forces" sort={{ field: 'name', order: 'ASC' }} perPage={50}>
      <AutocompleteArrayInput
        label="resources.alerts.fields.targetAreaIds"
        helperText="lantern.alerts.form.target_areas_help"
        validate={required()}
      />
    </ReferenceArrayInput>
    <CheckboxGroupInput source="incidentTypes" choices={orderedIncidentTypeChoices} validate={required()} />
    <DateTimeInput source="expiresAt" parse={toIsoDateTime} helperText="lantern.alerts.form.expires_help" />
  </Section>
);

/** A report as an option: its reference, and a warning where the member gave no alerts consent. */
const useReportText = () => {
  const translate = useTranslate();
  return (report: Report) =>
    report.consent && !report.consent.alerts
      ? `${report.reference ?? report.id} (${translate('lantern.alerts.form.no_alerts_consent')})`
      : String(report.reference ?? report.id);
};

/**
 * The reports the alert comes from (each needs the member's alerts consent), and which of their
 * identifiers members are shown: only identifiers of those reports can be chosen.
 */
export const AlertSourcesSection = () => {
  const reportText = useReportText();
  return (
    <Section title="lantern.alerts.form.sources" help="lantern.alerts.form.sources_help">
      <ReferenceArrayInput source="sourceReportIds" reference="reports" sort={{ field: 'receivedAt', order: 'DESC' }} perPage={25}>
        <AutocompleteArrayInput
          label="resources.alerts.fields.sourceReportIds"
          helperText="lantern.alerts.form.source_reports_help"
          optionText={reportText}
        />
      </ReferenceArrayInput>
      <FormDataConsumer<{ sourceReportIds?: Identifier[] | null; shownIdentifiers?: AlertIdentifier[] | null }>>
        {({ formData }) => (
          <ShownIdentifiersInput ids={formData.sourceReportIds ?? []} chosen={formData.shownIdentifiers ?? []} />
        )}
      </FormDataConsumer>
    </Section>
  );
};

/** The identifiers of the chosen source reports, read again whenever the choice changes. */
function useSourceIdentifiers(ids: Identifier[]) {
  const dataProvider = useDataProvider<LanternDataProvider>();
  const [reports, setReports] = useState<AlertSourceReport[]>([]);
  const [error, setError] = useState<string | null>(null);
  const key = ids.map(String).join(',');
  useEffect(() => {
    let current = true;
    dataProvider
      .getAlertSourceReports(key ? key.split(',') : [])
      .then(({ data }) => {
        if (current) {
          setReports(data);
          setError(null);
        }
      })
      .catch((e: unknown) => {
        if (current) setError(toHttpError(e).message);
      });
    return () => {
      current = false;
    };
  }, [dataProvider, key]);
  return { reports, error };
}

const ShownIdentifiersInput = ({ ids, chosen }: { ids: Identifier[]; chosen: AlertIdentifier[] }) => {
  const translate = useTranslate();
  const { reports, error } = useSourceIdentifiers(ids);
  const choices: Choice[] = [];
  const seen = new Set<string>();
  for (const report of reports) {
    for (const identifier of report.identifiers) {
      const id = identifierKey(identifier);
      if (seen.has(id)) continue;
      seen.add(id);
      choices.push({
        id,
        name: `${translate(`lantern.enums.IdentifierKind.${identifier.kind}`)}: ${identifier.value} (${report.reference})`,
      });
    }
  }
  // an identifier chosen before its report was taken out stays visible, so it can be unticked
  for (const identifier of chosen) {
    const id = identifierKey(identifier);
    if (!seen.has(id)) {
      seen.add(id);
      choices.push({ id, name: `${translate(`lantern.enums.IdentifierKind.${identifier.kind}`)}: ${identifier.value}` });
    }
  }
  return (
    <>
      {choices.length > 0 ? (
        <CheckboxGroupInput
          source="shownIdentifiers"
          choices={choices}
          translateChoice={false}
          row={false}
          helperText="lantern.alerts.form.shown_identifiers_help"
          format={(value: AlertIdentifier[] | null | undefined) => (value ?? []).map(identifierKey)}
          parse={(keys: string[] | null | undefined) => (keys ?? []).map(identifierFromKey)}
        />
      ) : (
        <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
          {translate(ids.length ? 'lantern.alerts.form.no_identifiers' : 'lantern.alerts.form.choose_reports_first')}
        </Typography>
      )}
      {error ? (
        <Typography variant="body2" color="error" role="alert">
          {error}
        </Typography>
      ) : null}
    </>
  );
};
