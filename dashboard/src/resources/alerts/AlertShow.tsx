import { Alert as MuiAlert, Box, Chip, Divider, List, ListItem, Stack, Typography } from '@mui/material';
import { Labeled, Show, useCanAccess, useRecordContext, useTranslate } from 'react-admin';
import { EnumChipsField } from '../../components/EnumChipsField';
import { Section } from '../../components/Section';
import { ShowLink } from '../../components/ShowLink';
import { formatWhen } from '../../components/formatWhen';
import { AlertActions } from './AlertActions';
import { AlertFindings } from './AlertFindings';
import { alertStatusLabel, type Alert } from './alert';

const multiline = { whiteSpace: 'pre-wrap' } as const;

const When = ({ label, at }: { label: string; at?: string | null }) =>
  at ? (
    <Labeled label={label}>
      <Typography variant="body2">{formatWhen(at)}</Typography>
    </Labeled>
  ) : null;

/** Its status in plain words, where it is sent and when: what everyone who may see it reads. */
const AlertHeader = ({ alert }: { alert: Alert }) => {
  const translate = useTranslate();
  const explain = alert.status === 'PENDING_REVIEW' && (alert.approvedAt || alert.approverName) ? 'APPROVED' : alert.status;
  return (
    <Box sx={{ display: 'flex', flexWrap: 'wrap', columnGap: 4, rowGap: 1, alignItems: 'flex-start' }}>
      <Labeled label="resources.alerts.fields.status">
        <Box>
          <Chip size="small" label={translate(alertStatusLabel(alert))} color={alert.status === 'PUBLISHED' ? 'success' : 'default'} />
          <Typography variant="body2" color="text.secondary" sx={{ mt: 0.5 }}>
            {translate(`lantern.alerts.status_explain.${explain}`)}
          </Typography>
        </Box>
      </Labeled>
      <Labeled label="resources.alerts.fields.targetAreas">
        <Typography variant="body2">{(alert.targetAreas ?? []).map((f) => f.name).join(', ')}</Typography>
      </Labeled>
      <Labeled label="resources.alerts.fields.incidentTypes">
        <EnumChipsField source="incidentTypes" enumName="IncidentType" />
      </Labeled>
      {alert.onBehalfOf ? (
        <Labeled label="resources.alerts.fields.onBehalfOf">
          <Typography variant="body2">{alert.onBehalfOf.name}</Typography>
        </Labeled>
      ) : null}
      <When label="resources.alerts.fields.createdAt" at={alert.createdAt} />
      <When label="resources.alerts.fields.publishedAt" at={alert.publishedAt} />
      <When label="resources.alerts.fields.expiresAt" at={alert.expiresAt} />
      <When label="resources.alerts.fields.withdrawnAt" at={alert.withdrawnAt} />
    </Box>
  );
};

/** The alert as members read it. */
const AlertText = ({ alert }: { alert: Alert }) => {
  const translate = useTranslate();
  return (
    <Section title="lantern.alerts.as_members_read_it">
      <Typography variant="h6" component="p">
        {alert.title}
      </Typography>
      <Typography variant="body1" sx={multiline}>
        {alert.body}
      </Typography>
      {alert.shownIdentifiers?.length ? (
        <Box sx={{ mt: 1 }}>
          <Labeled label="resources.alerts.fields.shownIdentifiers">
            <List dense disablePadding>
              {alert.shownIdentifiers.map((i) => (
                <ListItem key={`${i.kind}|${i.value}`} disableGutters>
                  {`${translate(`lantern.enums.IdentifierKind.${i.kind}`)}: ${i.value}`}
                </ListItem>
              ))}
            </List>
          </Labeled>
        </Box>
      ) : null}
      {alert.withdrawalReason ? (
        <MuiAlert severity="warning" sx={{ mt: 1 }}>
          {translate('lantern.alerts.withdrawn_because', { reason: alert.withdrawalReason })}
        </MuiAlert>
      ) : null}
    </Section>
  );
};

/** Staff only: who wrote and approved it, and the reports it comes from. */
const AlertWork = ({ alert }: { alert: Alert }) => {
  const translate = useTranslate();
  return (
    <Section title="lantern.alerts.work">
      <Box sx={{ display: 'flex', flexWrap: 'wrap', columnGap: 4, rowGap: 1 }}>
        <Labeled label="resources.alerts.fields.authorName">
          <Typography variant="body2">{alert.authorName ?? '-'}</Typography>
        </Labeled>
        <Labeled label="resources.alerts.fields.approverName">
          <Typography variant="body2">{alert.approverName ?? translate('lantern.alerts.not_approved')}</Typography>
        </Labeled>
        <When label="resources.alerts.fields.approvedAt" at={alert.approvedAt} />
        {alert.deliveries ? (
          <Labeled label="resources.alerts.fields.deliveries">
            <Typography variant="body2">{translate('lantern.alerts.deliveries', alert.deliveries)}</Typography>
          </Labeled>
        ) : null}
        <Labeled label="resources.alerts.fields.sourceReports">
          <Stack direction="row" spacing={1} useFlexGap flexWrap="wrap">
            {(alert.sourceReports ?? []).length === 0 ? (
              <Typography variant="body2">{translate('lantern.common.none')}</Typography>
            ) : (
              (alert.sourceReports ?? []).map((report) => (
                <ShowLink key={report.id} resource="reports" id={report.id}>
                  {report.reference}
                </ShowLink>
              ))
            )}
          </Stack>
        </Labeled>
      </Box>
      {alert.overrides?.length ? (
        <Box sx={{ mt: 1 }}>
          <Labeled label="resources.alerts.fields.overrides">
            <List dense disablePadding>
              {alert.overrides.map((o) => (
                <ListItem key={o.code} disableGutters>
                  {translate('lantern.alerts.override_line', { code: o.code, reason: o.reason, name: o.byName, when: formatWhen(o.at) })}
                </ListItem>
              ))}
            </List>
          </Labeled>
        </Box>
      ) : null}
    </Section>
  );
};

/**
 * An alert's page. Everyone who may see it reads its public face; case workers and managers also
 * the re-identification findings (on a draft, prominently, with "Submit for review"), the work
 * behind it, and the actions of its stage (AlertActions).
 */
const AlertLayout = () => {
  const alert = useRecordContext<Alert>();
  const { canAccess: isStaff = false } = useCanAccess({ resource: 'alerts', action: 'edit' });
  if (!alert) return null;
  return (
    <Box sx={{ p: 2, display: 'flex', flexDirection: 'column', gap: 2 }}>
      <AlertHeader alert={alert} />
      {isStaff ? <AlertActions alert={alert} /> : null}
      {isStaff ? <AlertFindings alert={alert} /> : null}
      <Divider />
      <AlertText alert={alert} />
      {isStaff ? (
        <>
          <Divider />
          <AlertWork alert={alert} />
        </>
      ) : null}
    </Box>
  );
};

export const AlertShow = () => (
  <Show actions={false}>
    <AlertLayout />
  </Show>
);
