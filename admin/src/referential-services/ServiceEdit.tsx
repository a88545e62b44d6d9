import { Edit } from 'react-admin';
import { ServiceForm, servicePayload } from './ServiceForm';

export const ServiceEdit = () => (
    <Edit mutationMode="pessimistic" redirect="show" transform={servicePayload}>
        <ServiceForm />
    </Edit>
);
