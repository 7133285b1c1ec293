import RestartAltIcon from '@mui/icons-material/RestartAlt';
import { Box, Button, Card, CardContent, Typography } from '@mui/material';
import { useId, useState } from 'react';
import { Form, NumberInput, SaveButton, minValue, number, required, useDataProvider, useNotify, useTranslate } from 'react-admin';
import { PoundsInput } from '../components/PoundsInput';
import { formatPence } from '../components/money';
import { submitErrors } from '../components/submitErrors';
import type { CostAssumptions, ImpactStatistics, LanternDataProvider } from '../providers/dataProvider';

type Estimate = ImpactStatistics['costsAvoided'];

/** The Home Office's 2018 unit costs and the server's default rates: "Reset" goes back to these. */
export const DEFAULT_COSTS: Required<{ [K in keyof CostAssumptions]: number }> = {
  rapeUnitCostPence: 100_000_00,
  murderUnitCostPence: 3_000_000_00,
  rapesPreventedPerSexualViolenceAlert: 0.1,
  murdersPreventedPerViolenceAlert: 0.001,
};

const rateValidators = [required(), number(), minValue(0)];
const costValidators = [required()];

const assumptionsOf = (e: Estimate): CostAssumptions => ({
  rapeUnitCostPence: e.rapeUnitCostPence,
  murderUnitCostPence: e.murderUnitCostPence,
  rapesPreventedPerSexualViolenceAlert: e.rapesPreventedPerSexualViolenceAlert,
  murdersPreventedPerViolenceAlert: e.murdersPreventedPerViolenceAlert,
});

/** The estimate and the assumptions it rests on, in the server's words (also for print). */
export const CostEstimateText = ({ estimate }: { estimate: Estimate }) => {
  const translate = useTranslate();
  return (
    <Box>
      <Typography variant="h4" component="p" data-testid="costs-avoided-figure">
        {formatPence(estimate.estimatedCostsAvoidedPence, { pennies: 'never' })}
      </Typography>
      <Typography variant="body2" sx={{ mb: 1 }}>
        {translate('lantern.dashboard.costs.from_alerts', {
          sexual: estimate.sexualViolenceAlerts,
          violence: estimate.violenceAlerts,
          rapes: estimate.estimatedRapesPrevented.toLocaleString('en-GB', { maximumFractionDigits: 2 }),
          murders: estimate.estimatedMurdersPrevented.toLocaleString('en-GB', { maximumFractionDigits: 3 }),
        })}
      </Typography>
      <Typography variant="subtitle2" component="h4">
        {translate('lantern.dashboard.costs.assumptions')}
      </Typography>
      <Box component="ul" sx={{ mt: 0.5, pl: 2.5, '& li': { typography: 'body2', mb: 0.5 } }} data-testid="costs-avoided-assumptions">
        {estimate.assumptions.map((line) => (
          <li key={line}>{line}</li>
        ))}
      </Box>
    </Box>
  );
};

/**
 * The estimate of police investigation costs avoided, with its assumptions editable: changing
 * them asks the server again (nothing is saved; the estimate is a "what if").
 */
export const CostsAvoided = ({ initial, financialYear = null }: { initial: Estimate; financialYear?: string | null }) => {
  const translate = useTranslate();
  const notify = useNotify();
  const dataProvider = useDataProvider<LanternDataProvider>();
  const headingId = useId();
  const [estimate, setEstimate] = useState<Estimate>(initial);
  const [formKey, setFormKey] = useState(0);

  const recalculate = async (costs: CostAssumptions) => {
    try {
      const { data } = await dataProvider.getImpactStatistics(financialYear, costs);
      setEstimate(data.costsAvoided);
      return undefined;
    } catch (error) {
      return submitErrors(error, notify);
    }
  };
  const onSubmit = (values: Record<string, unknown>) =>
    recalculate({
      rapeUnitCostPence: Number(values.rapeUnitCostPence),
      murderUnitCostPence: Number(values.murderUnitCostPence),
      rapesPreventedPerSexualViolenceAlert: Number(values.rapesPreventedPerSexualViolenceAlert),
      murdersPreventedPerViolenceAlert: Number(values.murdersPreventedPerViolenceAlert),
    });
  const reset = async () => {
    await recalculate(DEFAULT_COSTS);
    setFormKey((k) => k + 1);
  };

  return (
    <Card
      component="section"
      variant="outlined"
      aria-labelledby={headingId}
      data-testid="costs-avoided"
      data-costs-avoided-pence={estimate.estimatedCostsAvoidedPence}
      sx={{ gridColumn: '1 / -1' }}
    >
      <CardContent>
        <Typography id={headingId} variant="h6" component="h3">
          {translate('lantern.dashboard.costs.title')}
        </Typography>
        <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
          {translate('lantern.dashboard.costs.help')}
        </Typography>
        <Box sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr', md: '1fr 1fr' }, gap: 3 }}>
          <CostEstimateText estimate={estimate} />
          <Form key={formKey} record={{ id: 'costs', ...assumptionsOf(estimate) }} onSubmit={onSubmit} noValidate>
            <Typography variant="subtitle2" component="h4">
              {translate('lantern.dashboard.costs.change')}
            </Typography>
            <PoundsInput source="rapeUnitCostPence" label="lantern.dashboard.costs.rape_cost" validate={costValidators} helperText="lantern.dashboard.costs.rape_cost_help" />
            <PoundsInput source="murderUnitCostPence" label="lantern.dashboard.costs.murder_cost" validate={costValidators} helperText="lantern.dashboard.costs.murder_cost_help" />
            <NumberInput
              source="rapesPreventedPerSexualViolenceAlert"
              label="lantern.dashboard.costs.rape_rate"
              helperText="lantern.dashboard.costs.rape_rate_help"
              validate={rateValidators}
              step={0.01}
              min={0}
            />
            <NumberInput
              source="murdersPreventedPerViolenceAlert"
              label="lantern.dashboard.costs.murder_rate"
              helperText="lantern.dashboard.costs.murder_rate_help"
              validate={rateValidators}
              step={0.001}
              min={0}
            />
            <Box sx={{ display: 'flex', gap: 1, flexWrap: 'wrap' }}>
              <SaveButton label="lantern.dashboard.costs.recalculate" alwaysEnable />
              <Button startIcon={<RestartAltIcon />} onClick={() => void reset()}>
                {translate('lantern.dashboard.costs.reset')}
              </Button>
            </Box>
          </Form>
        </Box>
      </CardContent>
    </Card>
  );
};
