import { Box, Button, Card, CardActions, CardContent, Typography } from '@mui/material';
import { useState } from 'react';
import { useLogout, useTranslate } from 'react-admin';
import { readSession } from '../providers/session';
import { EnrolTwoFactor } from './EnrolTwoFactor';
import { RecoveryCodes } from './RecoveryCodes';

/**
 * What an account whose role requires two-factor sign-in sees until it is on (the server refuses
 * everything else to such a session with TWO_FACTOR_ENROLMENT_REQUIRED): no menu, no data, only
 * the set-up, then the recovery codes, then the dashboard.
 */
export const ForcedEnrolment = () => {
  const translate = useTranslate();
  const logout = useLogout();
  const [codes, setCodes] = useState<string[] | null>(null);
  const email = readSession()?.user.email;
  return (
    <Box component="main" sx={{ display: 'flex', justifyContent: 'center', alignItems: 'flex-start', minHeight: '100vh', pt: 6, px: 2 }}>
      <Card sx={{ maxWidth: 720, width: '100%' }}>
        <CardContent>
          <Typography variant="h5" component="h1" gutterBottom>
            {translate('lantern.account.forced.title')}
          </Typography>
          <Typography sx={{ mb: 2 }}>{translate('lantern.account.forced.body')}</Typography>
          {codes ? (
            <RecoveryCodes codes={codes} email={email} onDone={() => {
                window.location.hash = '#/';
                window.location.reload();
              }} />
          ) : (
            <EnrolTwoFactor onEnabled={setCodes} />
          )}
        </CardContent>
        <CardActions>
          <Button onClick={() => logout()}>{translate('lantern.member_notice.sign_out')}</Button>
        </CardActions>
      </Card>
    </Box>
  );
};
