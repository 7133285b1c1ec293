import { ExplainedOption } from '../../components/ExplainedOption';
import { RadioButtonGroupInput, required } from 'react-admin';
import { orderedPoliceConsentChoices } from './report';

/** Police consent: None / Anonymous intelligence / Full, each explained, one under the other. */
export const PoliceConsentInput = ({ source = 'consent.police' }: { source?: string }) => (
  <RadioButtonGroupInput
    source={source}
    label="resources.reports.fields.consent.police"
    choices={orderedPoliceConsentChoices}
    optionText={<ExplainedOption explainPrefix="lantern.reports.consent_explain" />}
    row={false}
    validate={required()}
  />
);
