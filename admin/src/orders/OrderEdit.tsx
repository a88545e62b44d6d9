import { RecordEdit } from '../common';
import { OrderForm, orderPayload } from './OrderForm';

/** A draft order is corrected before it is issued (the server refuses any other state). */
export const OrderEdit = () => (
    <RecordEdit redirect="show" transform={orderPayload}>
        <OrderForm />
    </RecordEdit>
);
