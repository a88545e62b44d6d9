import type { ReactElement, ReactNode } from 'react';
import {
    ColumnsButton,
    CreateButton,
    DateInput,
    ExportButton,
    FilterButton,
    List,
    SearchInput,
    TopToolbar,
    useResourceDefinition,
    type ListProps,
} from 'react-admin';
import { ListPagination } from './ListPagination';
import { useReadableFilters } from './useReadableFilters';
import { ListLive } from '../realtime/ListLive';

/** The `q` full-text search every list starts with. */
export const searchFilter = <SearchInput key="q" source="q" alwaysOn />;

/**
 * The two date filters of a period, `<source>_gte` and `<source>_lte` (from / to), to spread in a
 * filter list; labels are i18n keys (by default "Après" / "Avant").
 */
export const dateRangeFilters = (
    source: string,
    { after = 'filters.after', before = 'filters.before', alwaysOn }: { after?: string; before?: string; alwaysOn?: boolean } = {},
) => [
    <DateInput key={`${source}_gte`} source={`${source}_gte`} label={after} alwaysOn={alwaysOn} />,
    <DateInput key={`${source}_lte`} source={`${source}_lte`} label={before} alwaysOn={alwaysOn} />,
];

export interface ResourceListProps extends Omit<ListProps, 'filters' | 'children'> {
    filters: ReactElement[];
    children: ReactNode;
}

/**
 * A List with the console's defaults: 25 rows a page (totals of huge tables shown as what they
 * are: "environ 1 000 000"), filters limited to what the user may
 * read, export through the stock ExportButton of the default actions, and live: rows appear,
 * change and disappear as colleagues work, without a reload.
 */
export const ResourceList = ({ filters, children, ...props }: ResourceListProps) => {
    const readableFilters = useReadableFilters(filters);
    return (
        <List perPage={25} filters={readableFilters} pagination={<ListPagination />} {...props}>
            <ListLive>{children}</ListLive>
        </List>
    );
};

/**
 * The default list actions plus "Colonnes": for a list with more columns than fit a 1440-pixel
 * screen, whose DataTable hides some by default (`hiddenColumns`); users show them back here.
 */
export const ListActionsWithColumns = () => {
    const { hasCreate } = useResourceDefinition();
    return (
        <TopToolbar>
            <FilterButton />
            {hasCreate && <CreateButton />}
            <ColumnsButton />
            <ExportButton />
        </TopToolbar>
    );
};
