import { Box } from '@mui/material';
import {
  AutocompleteInput,
  DateInput,
  ReferenceInput,
  SelectInput,
  SimpleForm,
  TextInput,
  required,
  type SimpleFormProps,
} from 'react-admin';
import { financialYearChoices, financialYearStarting, currentFinancialYear } from '../../components/financialYear';
import { PoundsInput } from '../../components/PoundsInput';
import { Section } from '../../components/Section';
import { fundingPurposeChoices } from './fundingRecord';

/** Years a grant may be recorded for: from 2010/11 to the year after this one (agreed ahead). */
const yearChoices = () => {
  const next = financialYearStarting(Number(currentFinancialYear().slice(0, 4)) + 1);
  return [{ id: next, name: next }, ...financialYearChoices(2010)];
};

/**
 * A grant or payment (FundingRecordInput). Sources follow the input's names (`funder.id` for
 * `funderId`; the amount is kept as `amountPence`, typed in pounds), so a server error naming a
 * field marks its input.
 */
export const FundingRecordForm = (props: Omit<SimpleFormProps, 'children'>) => (
  <SimpleForm {...props}>
    <Section title="lantern.funding.form.who">
      <ReferenceInput source="funder.id" reference="funders" perPage={100}>
        <AutocompleteInput label="resources.fundingRecords.fields.funder" validate={required()} helperText="lantern.funding.form.funder_help" />
      </ReferenceInput>
    </Section>
    <Section title="lantern.funding.form.what">
      <Box sx={{ display: 'flex', flexWrap: 'wrap', columnGap: 2 }}>
        <SelectInput source="financialYear" choices={yearChoices()} validate={required()} sx={{ minWidth: 200 }} />
        <PoundsInput source="amountPence" validate={required()} />
      </Box>
      <SelectInput source="purpose" choices={fundingPurposeChoices} validate={required()} />
      <Box sx={{ display: 'flex', flexWrap: 'wrap', columnGap: 2 }}>
        <DateInput source="receivedOn" helperText="lantern.funding.form.received_help" />
        <TextInput source="agreementReference" helperText="lantern.funding.form.reference_help" sx={{ minWidth: 280 }} />
      </Box>
      <TextInput source="notes" multiline minRows={2} />
    </Section>
  </SimpleForm>
);
