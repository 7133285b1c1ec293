import { Alert } from '@mui/material';
import { useTranslate } from 'react-admin';

/**
 * On every page where an officer reads reports: the server logs each police read, and the member
 * sees it ("Kent Police read your report on ...").
 */
export const PoliceReadNotice = () => {
  const translate = useTranslate();
  return (
    <Alert severity="info" variant="outlined" sx={{ mt: 1, mb: 1 }}>
      {translate('lantern.reports.police.reads_notice')}
    </Alert>
  );
};
