import { Box, Button, Card, CardActions, CardContent, Typography } from '@mui/material';
import { useLogout, useTranslate } from 'react-admin';

/** What a member account sees instead of the dashboard: a plain pointer to the members' page. */
export const MemberNotice = () => {
  const translate = useTranslate();
  const logout = useLogout();
  return (
    <Box component="main" sx={{ display: 'flex', justifyContent: 'center', alignItems: 'flex-start', minHeight: '100vh', pt: 12 }}>
      <Card sx={{ maxWidth: 480 }}>
        <CardContent>
          <Typography variant="h5" component="h1" gutterBottom>
            {translate('lantern.member_notice.title')}
          </Typography>
          <Typography>{translate('lantern.member_notice.body')}</Typography>
        </CardContent>
        <CardActions>
          <Button onClick={() => logout()}>{translate('lantern.member_notice.sign_out')}</Button>
        </CardActions>
      </Card>
    </Box>
  );
};
