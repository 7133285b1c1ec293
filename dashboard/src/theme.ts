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
    // Spinners are progress bars to a screen reader: they need a name.
    MuiCircularProgress: { defaultProps: { 'aria-label': 'Loading' } },
    MuiLinearProgress: { defaultProps: { 'aria-label': 'Loading' } },
  },
});

/**
 * Darker blues than react-admin's defaults, for WCAG AA contrast (4.5:1): the app bar (secondary,
 * #2196f3 gave white text 3.1:1) and buttons and links (primary, #1976d2 gave 4.4:1 on the page
 * background).
 */
export const lightTheme = withLinkMenuItems({
  ...defaultLightTheme,
  palette: { ...defaultLightTheme.palette, primary: { main: '#1565c0' }, secondary: { main: '#1565c0' } },
});
export const darkTheme = withLinkMenuItems(defaultDarkTheme);
