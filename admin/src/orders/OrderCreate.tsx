import { Create } from 'react-admin';
import { OrderForm, newOrderPayload } from './OrderForm';

/** A new draft order: the server computes face value, fee, VAT and total. */
export const OrderCreate = () => (
    <Create redirect="show" transform={newOrderPayload}>
        <OrderForm />
    </Create>
);
