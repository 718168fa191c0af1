import { defaultDarkTheme, defaultLightTheme, type RaThemeOptions } from 'react-admin';

/**
 * A visible focus on every control reached by keyboard (WCAG 2.4.7): a 3 px outline in a
 * colour with at least 3:1 against the page, white on the dark-blue app bar.
 */
const focusStyles = (ring: string, onAppBar: string) => ({
  MuiCssBaseline: {
    styleOverrides: {
      ':focus-visible': { outline: `3px solid ${ring} !important`, outlineOffset: '2px' },
      // A date input's focus sits on its day, month or year inside, where neither :focus nor
      // :focus-visible reach the input: its box (which MUI marks focused) shows it.
      '.MuiInputBase-root.Mui-focused:has(> input[type="date"]), .MuiInputBase-root.Mui-focused:has(> input[type="datetime-local"])':
        {
          outline: `3px solid ${ring} !important`,
        },
      // Inside clipped containers (table cells, inputs) an outer outline would be cut off.
      'input:focus-visible, textarea:focus-visible, [role="combobox"]:focus-visible, td:focus-visible, tr:focus-visible':
        { outlineOffset: '-3px !important' },
      '.RaAppBar-toolbar :focus-visible, .MuiAppBar-root :focus-visible': {
        outlineColor: `${onAppBar} !important`,
      },
    },
  },
});

/** Phone widths (below MUI's `sm`, 600 px). */
export const PHONE = '@media (max-width: 599.95px)';

/**
 * At phone widths every control a finger taps is at least 44 px high (WCAG 2.5.5): buttons,
 * icon buttons, tabs, menu items, the links that open a record, the inputs, the switches.
 */
const touchTargets = {
  MuiButton: { styleOverrides: { root: { [PHONE]: { minHeight: 44 } } } },
  MuiIconButton: { styleOverrides: { root: { [PHONE]: { minHeight: 44, minWidth: 44 } } } },
  MuiTab: { styleOverrides: { root: { [PHONE]: { minHeight: 48 } } } },
  MuiMenuItem: { styleOverrides: { root: { [PHONE]: { minHeight: 48 } } } },
  MuiLink: {
    styleOverrides: {
      root: { [PHONE]: { display: 'inline-flex', alignItems: 'center', minHeight: 44 } },
    },
  },
  MuiInputBase: { styleOverrides: { root: { [PHONE]: { minHeight: 44 } } } },
  // A switch (the list filters' are small) as a 44 px button around a 20 px thumb; written
  // under the root, as MUI writes its sizes there.
  MuiSwitch: {
    styleOverrides: {
      root: {
        [PHONE]: {
          width: 64,
          height: 44,
          padding: 15,
          '& .MuiSwitch-switchBase': { padding: 12 },
          '& .MuiSwitch-switchBase.Mui-checked': { transform: 'translateX(20px)' },
          '& .MuiSwitch-thumb': { width: 20, height: 20 },
        },
      },
    },
  },
};

/**
 * react-admin's default themes, with an app bar dark enough for white text and a primary
 * colour dark enough for text and buttons on white list toolbars (the defaults give 3.1:1
 * and less; #1565c0 gives 5.8:1, WCAG AA).
 */
export const lightTheme: RaThemeOptions = {
  ...defaultLightTheme,
  palette: {
    ...defaultLightTheme.palette,
    primary: { light: '#5e92f3', main: '#1565c0', dark: '#003c8f', contrastText: '#fff' },
    secondary: { light: '#5e92f3', main: '#1565c0', dark: '#003c8f', contrastText: '#fff' },
  },
  components: {
    ...defaultLightTheme.components,
    ...touchTargets,
    ...focusStyles('#0d47a1', '#ffffff'),
  },
};

export const darkTheme: RaThemeOptions = {
  ...defaultDarkTheme,
  components: {
    ...defaultDarkTheme.components,
    ...touchTargets,
    ...focusStyles('#90caf9', '#ffffff'),
  },
};
