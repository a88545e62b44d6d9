import { DataTable, TextInput, useCanAccess } from 'react-admin';
import {
    BatchResultPanel,
    BatchResultsProvider,
    DateTimeField,
    EnumArrayInput,
    EnumCol,
    EnumInput,
    MoneyField,
    RefCol,
    RefInput,
    ResourceList,
    searchFilter,
} from '../common';
import { BulkModerationButtons } from './BulkModerationButtons';

const filters = [
    searchFilter,
    <EnumArrayInput key="status" source="status" enum="OfferStatus" alwaysOn />,
    <EnumInput key="flags" source="flags" enum="OfferFlag" label="offers.filters.flag" alwaysOn />,
    <RefInput key="structureId" source="structureId" reference="structures" />,
    <RefInput key="categoryId" source="categoryId" reference="referential-categories" label="offers.filters.category" />,
    <RefInput key="serviceId" source="serviceId" reference="referential-services" />,
    <TextInput key="departement" source="departement" label="offers.filters.departement" />,
    <EnumInput key="validation" source="validation" enum="OfferValidation" />,
];

/** The moderation queue: offers waiting for a reviewer first, live, decided one by one or in batches. */
export const OfferList = () => {
    const { canAccess: canModerate } = useCanAccess({ resource: 'offers', action: 'edit' });
    return (
        <BatchResultsProvider>
            <ResourceList
                filters={filters}
                filterDefaultValues={{ status: ['PENDING_REVIEW'] }}
                sort={{ field: 'submittedAt', order: 'DESC' }}
            >
                <BatchResultPanel />
                <DataTable rowClick="show" bulkActionButtons={canModerate ? <BulkModerationButtons /> : false}>
                    <DataTable.Col source="title" />
                    <RefCol source="structureId" reference="structures" />
                    <RefCol source="serviceId" reference="referential-services" />
                    <DataTable.Col source="priceCents" field={MoneyField} />
                    <EnumCol source="flags" enum="OfferFlag" color="warning" disableSort />
                    <EnumCol source="status" enum="OfferStatus" />
                    <DataTable.Col source="submittedAt" field={DateTimeField} />
                </DataTable>
            </ResourceList>
        </BatchResultsProvider>
    );
};
