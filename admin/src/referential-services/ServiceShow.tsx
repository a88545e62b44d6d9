import {
    BooleanField,
    DataTable,
    Pagination,
    ReferenceManyCount,
    ReferenceManyField,
    TabbedShowLayout,
    TextField,
} from 'react-admin';
import { DateTimeField, MoneyField, RefField, StatusChip, RecordShow } from '../common';

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
            <TabbedShowLayout.Tab
                label="resources.offers.name"
                path="offers"
                count={<ReferenceManyCount reference="offers" target="serviceId" />}
            >
                <ReferenceManyField
                    reference="offers"
                    target="serviceId"
                    sort={{ field: 'submittedAt', order: 'DESC' }}
                    pagination={<Pagination />}
                    label={false}
                >
                    <DataTable rowClick="show" bulkActionButtons={false}>
                        <DataTable.Col source="title" />
                        <DataTable.Col source="structureId">
                            <RefField source="structureId" reference="structures" />
                        </DataTable.Col>
                        <DataTable.Col source="priceCents" field={MoneyField} />
                        <DataTable.Col source="status">
                            <StatusChip source="status" enum="OfferStatus" />
                        </DataTable.Col>
                    </DataTable>
                </ReferenceManyField>
            </TabbedShowLayout.Tab>
        </TabbedShowLayout>
    </RecordShow>
);
