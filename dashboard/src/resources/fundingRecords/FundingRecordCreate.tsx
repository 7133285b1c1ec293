import { Create } from 'react-admin';
import { currentFinancialYear } from '../../components/financialYear';
import { FundingRecordForm } from './FundingRecordForm';

/** A manager records a grant or payment (createFundingRecord). */
export const FundingRecordCreate = () => (
  <Create redirect="show">
    <FundingRecordForm defaultValues={{ financialYear: currentFinancialYear(), purpose: 'CORE_REPORTING_AND_ALERTING' }} />
  </Create>
);
