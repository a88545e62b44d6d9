import { RecordEdit } from '../common';
import { ServiceForm, servicePayload } from './ServiceForm';

export const ServiceEdit = () => (
    <RecordEdit redirect="show" transform={servicePayload}>
        <ServiceForm />
    </RecordEdit>
);
