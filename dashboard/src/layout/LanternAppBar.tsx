import { AppBar, Logout, UserMenu, useGetIdentity } from 'react-admin';
import { AccountSecurityMenuItem } from '../account/AccountSecurityMenuItem';

/**
 * react-admin's app bar, with the user menu button named by what it shows (the signed-in person's
 * name), so that its accessible name contains its visible text (WCAG 2.5.3, "label in name").
 */
const LanternUserMenu = () => {
  const { identity } = useGetIdentity();
  return (
    <UserMenu label={identity?.fullName ? `${identity.fullName}: account menu` : 'ra.auth.user_menu'}>
      <AccountSecurityMenuItem />
      <Logout />
    </UserMenu>
  );
};

export const LanternAppBar = () => <AppBar userMenu={<LanternUserMenu />} />;
