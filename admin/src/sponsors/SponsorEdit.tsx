import { RecordEdit } from '../common';
import { SponsorForm, sponsorPayload } from './SponsorForm';

export const SponsorEdit = () => (
    <RecordEdit redirect="show" transform={sponsorPayload}>
        <SponsorForm />
    </RecordEdit>
);
