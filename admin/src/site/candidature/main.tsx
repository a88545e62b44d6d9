import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { Alert } from '@mui/material';
import { SitePage } from '../common/SitePage';
import { ApplicationForm } from './ApplicationForm';
import { ReplyForm } from './ReplyForm';

/** /candidature/: the application form, or with ?demande=…#jeton=… (the reply link) the reply form. */
const App = () => {
    const applicationId = new URLSearchParams(window.location.search).get('demande');
    const token = new URLSearchParams(window.location.hash.slice(1)).get('jeton');
    if (applicationId === null) return <SitePage title="Demande d’éligibilité"><ApplicationForm /></SitePage>;
    return (
        <SitePage title="Réponse à l’équipe APTIC">
            {token ? <ReplyForm applicationId={applicationId} token={token} /> : <Alert severity="error">Lien incomplet : utilisez le lien de réponse complet reçu lors de votre demande.</Alert>}
        </SitePage>
    );
};

createRoot(document.getElementById('root')!).render(
    <StrictMode>
        <App />
    </StrictMode>
);
