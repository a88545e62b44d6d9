import { Create } from 'react-admin';
import { SponsorForm, sponsorPayload } from './SponsorForm';

export const SponsorCreate = () => (
    <Create redirect="show" transform={sponsorPayload}>
        <SponsorForm />
    </Create>
);
