import type { ReactNode } from 'react';
import { AppBar, Box, Container, CssBaseline, Link, ThemeProvider, Toolbar, Typography, createTheme } from '@mui/material';

/** The public and structure pages' look: the console's colours, readable on a phone. */
export const siteTheme = createTheme({
    palette: { primary: { main: '#1a4d8f' }, secondary: { main: '#e4572e' } },
    typography: { fontFamily: 'Roboto, Helvetica, Arial, sans-serif' },
    components: { MuiTextField: { defaultProps: { fullWidth: true, size: 'small' } } },
});

/** A page of the structures' side: the scheme's name, a title, the content, the contact. */
export const SitePage = ({ title, actions, children }: { title: string; actions?: ReactNode; children: ReactNode }) => (
    <ThemeProvider theme={siteTheme}>
        <CssBaseline />
        <AppBar position="static" elevation={0}>
            <Toolbar sx={{ gap: 2, flexWrap: 'wrap' }}>
                <Typography variant="h6" component="div" sx={{ fontWeight: 700 }}>
                    #APTIC
                </Typography>
                <Typography variant="subtitle1" component="div" sx={{ flexGrow: 1 }}>
                    {title}
                </Typography>
                {actions}
            </Toolbar>
        </AppBar>
        <Container maxWidth="md" component="main" sx={{ py: { xs: 2, sm: 4 } }}>
            {children}
        </Container>
        <Box component="footer" sx={{ py: 3, textAlign: 'center', color: 'text.secondary', fontSize: 14 }}>
            Pass numériques #APTIC — une question ? <Link href="mailto:contact@aptic.fr">contact@aptic.fr</Link>
        </Box>
    </ThemeProvider>
);
