import { defaultDarkTheme, defaultLightTheme, type RaThemeOptions } from 'react-admin';

/**
 * react-admin's themes, with one change: the sidebar entries are announced as the links they
 * are (an <a href>), not as "menuitem"s, so they are found by their name ("Users", "Forces").
 */
const withLinkMenuItems = (theme: RaThemeOptions): RaThemeOptions => ({
  ...theme,
  components: {
    ...theme.components,
    RaMenuItemLink: {
      ...theme.components?.RaMenuItemLink,
      defaultProps: { ...theme.components?.RaMenuItemLink?.defaultProps, role: 'link' },
    },
  },
});

export const lightTheme = withLinkMenuItems(defaultLightTheme);
export const darkTheme = withLinkMenuItems(defaultDarkTheme);
