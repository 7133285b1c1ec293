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

/** The app bar uses the secondary colour: react-admin's #2196f3 gives white text 3.1:1; this is 5.8:1 (WCAG AA). */
export const lightTheme = withLinkMenuItems({
  ...defaultLightTheme,
  palette: { ...defaultLightTheme.palette, secondary: { main: '#1565c0' } },
});
export const darkTheme = withLinkMenuItems(defaultDarkTheme);
