import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { SitePage } from '../common/SitePage';
import { PlacesDirectory } from './PlacesDirectory';
import { PlacePage } from './PlacePage';

/** /lieux/: where to spend a pass, or with ?lieu=… one place's page. */
const App = () => {
    const placeId = new URLSearchParams(window.location.search).get('lieu');
    return <SitePage title="Où utiliser un pass">{placeId ? <PlacePage id={placeId} /> : <PlacesDirectory />}</SitePage>;
};

createRoot(document.getElementById('root')!).render(
    <StrictMode>
        <App />
    </StrictMode>
);
