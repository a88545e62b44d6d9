import { defaultTheme, type RaThemeOptions } from 'react-admin';

// #APTIC teal; the rest is react-admin's default Material theme.
export const theme: RaThemeOptions = {
    ...defaultTheme,
    palette: {
        primary: { main: '#00796b' },
        secondary: { main: '#5e35b1' },
    },
    sidebar: { width: 270, closedWidth: 55 },
    components: {
        ...defaultTheme.components,
        // Record pages have many tabs next to the side panel: scroll them rather than widen the page.
        MuiTabs: { defaultProps: { variant: 'scrollable', scrollButtons: 'auto' } },
    },
};
