import { CreateButton, DataTable, ExportButton, FilterButton, TopToolbar, useCanAccess, useResourceDefinition } from 'react-admin';
import { DateOnlyField, DateTimeField, RefCol, RefInput, ResourceList, dateRangeFilters, searchFilter } from '../common';
import { HandOutRangeButton } from './HandOutRangeButton';

const filters = [
    searchFilter,
    <RefInput key="orderId" source="orderId" reference="orders" />,
    ...dateRangeFilters('handedOutAt'),
];

/** The list's actions, with "Remettre une série" for the roles that write booklets. */
const BookletListActions = () => {
    const { hasCreate } = useResourceDefinition();
    const { canAccess } = useCanAccess({ resource: 'booklets', action: 'edit' });
    return (
        <TopToolbar>
            <FilterButton />
            {hasCreate && <CreateButton />}
            {canAccess && <HandOutRangeButton />}
            <ExportButton />
        </TopToolbar>
    );
};

export const BookletList = () => (
    <ResourceList filters={filters} sort={{ field: 'number', order: 'ASC' }} actions={<BookletListActions />}>
        <DataTable rowClick="show" bulkActionButtons={false}>
            <DataTable.Col source="number" sx={{ fontFamily: 'monospace' }} />
            <RefCol source="orderId" reference="orders" />
            <DataTable.Col source="handedOutAt" field={DateOnlyField} />
            <DataTable.Col source="handedOutBy" />
            <DataTable.Col source="createdAt" field={DateTimeField} />
        </DataTable>
    </ResourceList>
);
