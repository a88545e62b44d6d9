import { DataTable, TabbedShowLayout, TextField } from 'react-admin';
import { DateOnlyField, DateTimeField, EnumCol, MoneyField, RecordShow, RefField, RelatedTab } from '../common';
import { BookletWorkflow } from './BookletActions';

export const BookletShow = () => (
    <RecordShow workflow={<BookletWorkflow />}>
        <TabbedShowLayout>
            <TabbedShowLayout.Tab label="tabs.summary">
                <TextField source="number" sx={{ fontFamily: 'monospace' }} />
                <RefField source="orderId" reference="orders" />
                <DateOnlyField source="handedOutAt" />
                <TextField source="handedOutBy" emptyText="—" />
                <DateTimeField source="createdAt" />
            </TabbedShowLayout.Tab>
            <RelatedTab
                reference="passes"
                target="bookletId"
                path="passes"
                sort={{ field: 'barcode', order: 'ASC' }}
                perPage={50}
                paginate={false}
            >
                <DataTable.Col source="barcode" sx={{ fontFamily: 'monospace' }} />
                <EnumCol source="status" enum="PassStatus" />
                <DataTable.Col source="faceValueCents" field={MoneyField} />
                <DataTable.Col source="redeemedAt" field={DateTimeField} />
            </RelatedTab>
        </TabbedShowLayout>
    </RecordShow>
);
