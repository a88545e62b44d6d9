import { Box, Link } from '@mui/material';
import { Login, LoginForm } from 'react-admin';

/** react-admin's login, with the way in for a structure that is not APTICulteur yet, and the public directory. */
export const LoginPage = () => (
    <Login>
        <LoginForm />
        <Box sx={{ px: 2, pb: 2, textAlign: 'center' }}>
            <Link href="/candidature/" underline="hover">
                Déposer une demande d’éligibilité
            </Link>
            <br />
            <Link href="/lieux/" underline="hover">
                Où utiliser un pass #APTIC
            </Link>
        </Box>
    </Login>
);
