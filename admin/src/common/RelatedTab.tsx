import type { ReactElement, ReactNode } from 'react';
import { Stack } from '@mui/material';
import {
    DataTable,
    Pagination,
    ReferenceManyCount,
    ReferenceManyField,
    TabbedShowLayout,
    type DataTableProps,
    type SortPayload,
    type TabProps,
} from 'react-admin';

export interface RelatedTabProps extends Omit<TabProps, 'children' | 'count' | 'label'> {
    /** The related resource, listed in the tab. */
    reference: string;
    /** Its foreign key to the shown record. */
    target: string;
    /**
     * The tab's route. Required: TabbedShowLayout reads it on this element to build the tab's
     * URL (`…/show/<path>`), so it cannot default inside.
     */
    path: string;
    /** i18n key of the tab; defaults to the related resource's name. */
    label?: string;
    sort: SortPayload;
    /** Rows fetched at once (ReferenceManyField's default: 25). */
    perPage?: number;
    /** Pages of 25 rows under the table (default), or no pagination. */
    paginate?: boolean;
    /** What the tab shows when there is no related record. */
    empty?: ReactElement;
    /** What a row click does (default: open the related record; false for a resource without pages). */
    rowClick?: DataTableProps['rowClick'];
    /** Buttons above the table (an action on several related records). */
    toolbar?: ReactNode;
    /** The table's columns. */
    children: ReactNode;
}

/**
 * A show-page tab listing the records of another resource that point to this one, with their
 * count in the tab's title; a row opens the related record. Put it directly in a
 * TabbedShowLayout (it forwards the props the layout gives its tabs).
 */
export const RelatedTab = ({
    reference,
    target,
    label = `resources.${reference}.name`,
    sort,
    perPage,
    paginate = true,
    empty,
    rowClick = 'show',
    toolbar,
    children,
    ...tabProps
}: RelatedTabProps) => (
    <TabbedShowLayout.Tab
        label={label}
        count={<ReferenceManyCount reference={reference} target={target} />}
        {...tabProps}
    >
        {toolbar && (
            <Stack direction="row" spacing={1} useFlexGap sx={{ justifyContent: 'flex-end', flexWrap: 'wrap', mb: 1 }}>
                {toolbar}
            </Stack>
        )}
        <ReferenceManyField
            reference={reference}
            target={target}
            sort={sort}
            perPage={perPage}
            pagination={paginate ? <Pagination /> : undefined}
            label={false}
            empty={empty}
        >
            <DataTable rowClick={rowClick} bulkActionButtons={false}>
                {children}
            </DataTable>
        </ReferenceManyField>
    </TabbedShowLayout.Tab>
);
