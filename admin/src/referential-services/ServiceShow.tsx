import {
    BooleanField,
    DataTable,
    TabbedShowLayout,
    TextField,
} from 'react-admin';
import { DateTimeField, EnumCol, MoneyField, RecordShow, RefCol, RefField, RelatedTab } from '../common';

export const ServiceShow = () => (
    <RecordShow>
        <TabbedShowLayout>
            <TabbedShowLayout.Tab label="tabs.summary">
                <TextField source="code" />
                <TextField source="label" />
                <RefField source="categoryId" reference="referential-categories" />
                <TextField source="description" emptyText="—" />
                <MoneyField source="recommendedPriceCents" />
                <BooleanField source="active" />
                <DateTimeField source="updatedAt" />
            </TabbedShowLayout.Tab>
            <RelatedTab reference="offers" target="serviceId" path="offers" sort={{ field: 'submittedAt', order: 'DESC' }}>
                <DataTable.Col source="title" />
                <RefCol source="structureId" reference="structures" />
                <DataTable.Col source="priceCents" field={MoneyField} />
                <EnumCol source="status" enum="OfferStatus" />
            </RelatedTab>
        </TabbedShowLayout>
    </RecordShow>
);
