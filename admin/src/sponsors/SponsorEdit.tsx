import { Edit } from 'react-admin';
import { SponsorForm, sponsorPayload } from './SponsorForm';

export const SponsorEdit = () => (
    <Edit mutationMode="pessimistic" redirect="show" transform={sponsorPayload}>
        <SponsorForm />
    </Edit>
);
