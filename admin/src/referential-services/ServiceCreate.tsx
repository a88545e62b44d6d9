import { Create } from 'react-admin';
import { ServiceForm, servicePayload } from './ServiceForm';

export const ServiceCreate = () => (
    <Create redirect="show" transform={servicePayload}>
        <ServiceForm />
    </Create>
);
