import SearchIcon from '@mui/icons-material/Search';
import { Button, Link as RouterLink, useRecordContext, useTranslate } from 'react-admin';
import type { ReportIdentifier } from './report';

/**
 * Opens the reports list filtered on one identifier (kind + normalised value): every report,
 * linked or not, that names the same phone, e-mail, vehicle, handle or name.
 */
export const FindReportsButton = () => {
  const identifier = useRecordContext<ReportIdentifier & { id: string }>();
  const translate = useTranslate();
  if (!identifier) return null;
  const filter = { identifierKind: identifier.kind, identifierValue: identifier.value };
  const search = new URLSearchParams({
    filter: JSON.stringify(filter),
    displayedFilters: JSON.stringify({ identifierKind: true, identifierValue: true }),
  });
  return (
    <Button
      component={RouterLink}
      to={{ pathname: '/reports', search: `?${search.toString()}` }}
      label={translate('lantern.reports.identifiers.find', { value: identifier.value })}
    >
      <SearchIcon />
    </Button>
  );
};
