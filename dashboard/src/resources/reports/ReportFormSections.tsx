import {
  AddItemButton,
  ArrayInput,
  AutocompleteInput,
  CheckboxGroupInput,
  DateInput,
  DateTimeInput,
  ReferenceInput,
  SelectInput,
  SimpleFormIterator,
  TextInput,
  required,
} from 'react-admin';
import { Section } from '../../components/Section';
import { YesNoInput } from '../../components/YesNo';
import { PoliceConsentInput } from './PoliceConsentInput';
import {
  consentMethodChoices,
  identifierKindChoices,
  orderedChannelChoices,
  orderedIncidentTypeChoices,
  reportStatusChoices,
} from './report';

/**
 * The parts of the intake form, in the order a case worker asks on the phone. Shared by
 * ReportCreate (all of them) and ReportEdit (all but "How it came in" and "Consent": consent
 * changes only through "Change consent", which keeps its history).
 *
 * Sources follow the API's input names, so a server error naming a field marks its input:
 * `incidentDate`, `forceAreaId` -> `forceArea.id`, `identifiers.0.value`, `memberId` -> `member.id`.
 */

const toIsoDateTime = (value: unknown) => (value ? new Date(String(value)).toISOString() : null);

export const HowItCameInSection = () => (
  <Section title="lantern.reports.intake.how">
    <SelectInput source="channel" choices={orderedChannelChoices} validate={required()} />
    <DateTimeInput source="receivedAt" parse={toIsoDateTime} validate={required()} />
  </Section>
);

export const WhatHappenedSection = () => (
  <Section title="lantern.reports.intake.what">
    <CheckboxGroupInput source="incidentTypes" choices={orderedIncidentTypeChoices} validate={required()} />
    <DateInput
      source="incidentDate"
      validate={required()}
    />
    <ReferenceInput source="forceArea.id" reference="forces" sort={{ field: 'name', order: 'ASC' }} perPage={50}>
      <AutocompleteInput label="resources.reports.fields.forceArea" validate={required()} />
    </ReferenceInput>
  </Section>
);

export const WhereSection = () => (
  <Section title="lantern.reports.intake.where" help="lantern.reports.intake.where_help">
    <TextInput source="location" multiline minRows={2} />
  </Section>
);

export const WhoSection = () => (
  <Section title="lantern.reports.intake.who" help="lantern.reports.intake.who_help">
    <TextInput source="perpetratorDescription" multiline minRows={2} />
    <ArrayInput
      source="identifiers"
      label="resources.reports.fields.identifiers"
      helperText="lantern.reports.intake.identifiers_help"
    >
      <SimpleFormIterator
        inline
        disableReordering
        disableClear
        addButton={<AddItemButton label="lantern.reports.intake.add_identifier" />}
      >
        <SelectInput
          source="kind"
          label="lantern.reports.intake.identifier_kind"
          choices={identifierKindChoices}
          validate={required()}
          sx={{ minWidth: 220 }}
        />
        <TextInput source="value" label="lantern.reports.intake.identifier_value" validate={required()} sx={{ minWidth: 280 }} />
      </SimpleFormIterator>
    </ArrayInput>
  </Section>
);

export const AccountSection = () => (
  <Section title="lantern.reports.intake.account">
    <TextInput
      source="narrative"
      multiline
      minRows={5}
      helperText="lantern.reports.intake.narrative_help"
      validate={required()}
    />
  </Section>
);

export const ForPoliceSection = () => (
  <Section title="lantern.reports.intake.for_police">
    <TextInput source="policeSummary" multiline minRows={3} helperText="lantern.reports.intake.police_summary_help" />
  </Section>
);

export const ConsentSection = () => (
  <Section title="lantern.reports.intake.consent" help="lantern.reports.intake.consent_help">
    <PoliceConsentInput />
    <YesNoInput source="consent.alerts" helperText="lantern.reports.intake.alerts_help" validate={required()} />
    <YesNoInput source="consent.statistics" helperText="lantern.reports.intake.statistics_help" validate={required()} />
    <SelectInput
      source="consent.method"
      choices={consentMethodChoices.filter((choice) => choice.id !== 'SELF_SERVICE')}
      helperText="lantern.reports.intake.method_help"
    />
  </Section>
);

export const MemberSection = () => (
  <Section title="lantern.reports.intake.member" help="lantern.reports.intake.member_help">
    <ReferenceInput source="member.id" reference="members" sort={{ field: 'pseudonym', order: 'ASC' }}>
      <AutocompleteInput label="resources.reports.fields.member" optionText="pseudonym" />
    </ReferenceInput>
  </Section>
);

export const StatusSection = () => (
  <Section title="resources.reports.fields.status">
    <SelectInput source="status" choices={reportStatusChoices} helperText="lantern.reports.intake.status_help" validate={required()} />
  </Section>
);
