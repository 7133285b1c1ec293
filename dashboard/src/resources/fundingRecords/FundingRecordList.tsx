import { Typography } from '@mui/material';
import { useEffect, useState } from 'react';
import {
  AutocompleteInput,
  CreateButton,
  DataTable,
  ExportButton,
  List,
  ReferenceInput,
  SelectField,
  SelectInput,
  TextField,
  TopToolbar,
  useCanAccess,
  useDataProvider,
  useListContext,
  usePermissions,
  useTranslate,
} from 'react-admin';
import { DayField } from '../../components/DayField';
import { financialYearChoices } from '../../components/financialYear';
import { formatPence } from '../../components/money';
import type { LanternDataProvider } from '../../providers/dataProvider';
import { funderKindChoices } from '../funders/funder';
import { AmountField } from './AmountField';
import { fundingPurposeChoices, fundingRecordExporter } from './fundingRecord';

// The FundingFilter's own names (funder.id is sent as funderId).
const staffFilters = [
  <ReferenceInput key="funder" source="funderId" reference="funders" perPage={100} alwaysOn>
    <AutocompleteInput label="resources.fundingRecords.fields.funder" sx={{ minWidth: 240 }} />
  </ReferenceInput>,
  <SelectInput key="financialYear" source="financialYear" choices={financialYearChoices(2010)} alwaysOn />,
  <SelectInput key="purpose" source="purpose" choices={fundingPurposeChoices} alwaysOn />,
  <SelectInput key="funderKind" source="funderKind" choices={funderKindChoices} alwaysOn />,
];

/** An officer sees only their own force's funding: no funder to choose. */
const policeFilters = [staffFilters[1], staffFilters[2]];

const FundingListActions = () => {
  const { canAccess: canCreate = false } = useCanAccess({ resource: 'fundingRecords', action: 'create' });
  return (
    <TopToolbar>
      {canCreate ? <CreateButton /> : null}
      <ExportButton maxResults={5000} />
    </TopToolbar>
  );
};

/** The sum of every record the filters select (not only this page), added up by the server. */
const FilteredTotal = () => {
  const { filterValues, total } = useListContext();
  const dataProvider = useDataProvider<LanternDataProvider>();
  const translate = useTranslate();
  const [sum, setSum] = useState<number | null>(null);
  const key = JSON.stringify(filterValues ?? {});
  useEffect(() => {
    let live = true;
    const f = JSON.parse(key) as Record<string, string>;
    dataProvider
      .getFundingTotals({ funderId: f.funderId, financialYear: f.financialYear, purpose: f.purpose, funderKind: f.funderKind })
      .then(({ data }) => live && setSum(data.totalPence))
      .catch(() => live && setSum(null));
    return () => {
      live = false;
    };
  }, [dataProvider, key, total]);
  if (sum === null || !total) return null;
  return (
    <Typography variant="body2" sx={{ px: 2, py: 1 }} data-testid="funding-list-total" data-total-pence={sum}>
      {translate('lantern.funding.list_total', { smart_count: total, amount: formatPence(sum) })}
    </Typography>
  );
};

/**
 * Funding records, newest financial year first, by funder, year, purpose and kind of funder.
 * Managers add them; everyone who sees the list may export it as CSV. A police partner sees only
 * their own force's funding (the server lists nothing else).
 */
export const FundingRecordList = () => {
  const { permissions, isPending } = usePermissions();
  if (isPending) return null;
  const police = permissions === 'POLICE_PARTNER';
  return (
    <List
      filters={police ? policeFilters : staffFilters}
      actions={<FundingListActions />}
      exporter={fundingRecordExporter}
      sort={{ field: 'financialYear', order: 'DESC' }}
    >
      <FilteredTotal />
      <DataTable rowClick="show" bulkActionButtons={false}>
        <DataTable.Col source="financialYear" />
        <DataTable.Col source="funder" disableSort>
          <TextField source="funder.name" />
        </DataTable.Col>
        <DataTable.Col source="purpose" disableSort>
          <SelectField source="purpose" choices={fundingPurposeChoices} />
        </DataTable.Col>
        <DataTable.Col source="amountPence" align="right">
          <AmountField source="amountPence" />
        </DataTable.Col>
        <DataTable.Col source="receivedOn">
          <DayField source="receivedOn" emptyText="" />
        </DataTable.Col>
        <DataTable.Col source="agreementReference" disableSort>
          <TextField source="agreementReference" emptyText="" />
        </DataTable.Col>
      </DataTable>
    </List>
  );
};
