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
        // Lists fit the window: a table wider than its box scrolls inside it (on a narrow screen),
        // so the page never does and the toolbar (Exporter) and the pagination stay in view.
        // (react-admin's layout is `min-width: fit-content`: a wide table would widen the whole page.)
        RaLayout: {
            styleOverrides: {
                root: { minWidth: 0, '& .RaLayout-appFrame, & .RaLayout-contentWithSidebar, & .RaLayout-content': { minWidth: 0 } },
            },
        },
        RaList: {
            styleOverrides: {
                root: {
                    '& .RaList-main': { minWidth: 0 },
                    // Filters and buttons go to a second line rather than push "Exporter" out of view.
                    '& .RaList-actions, & .RaList-actions .MuiToolbar-root, & .RaList-actions .MuiStack-root': { flexWrap: 'wrap' },
                },
            },
        },
        RaDataTable: { styleOverrides: { root: { '& .RaDataTable-tableWrapper': { overflowX: 'auto' } } } },
    },
};
