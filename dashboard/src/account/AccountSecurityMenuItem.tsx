import SecurityIcon from '@mui/icons-material/Security';
import { forwardRef } from 'react';
import { MenuItemLink, useUserMenu } from 'react-admin';

/** "Account security" in the account menu (react-admin's pattern: close the menu on click). */
export const AccountSecurityMenuItem = forwardRef<HTMLAnchorElement>((props, ref) => {
  const userMenu = useUserMenu();
  return (
    <MenuItemLink
      ref={ref}
      {...props}
      to="/account-security"
      primaryText="lantern.account.title"
      leftIcon={<SecurityIcon />}
      sidebarIsOpen
      // the theme makes side-menu entries links (a navigation landmark); in the account menu it is a menu item
      role="menuitem"
      onClick={userMenu?.onClose}
    />
  );
});
AccountSecurityMenuItem.displayName = 'AccountSecurityMenuItem';
