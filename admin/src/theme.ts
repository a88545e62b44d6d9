import { defaultTheme, type RaThemeOptions } from 'react-admin';

// #APTIC teal; the rest is react-admin's default Material theme.
export const theme: RaThemeOptions = {
    ...defaultTheme,
    palette: {
        primary: { main: '#00796b' },
        secondary: { main: '#5e35b1' },
    },
    sidebar: { width: 270, closedWidth: 55 },
};
