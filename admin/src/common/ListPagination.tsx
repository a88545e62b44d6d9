import type { ComponentType } from 'react';
import { Pagination, useListContext, useLocaleState, useTranslate, type PaginationProps } from 'react-admin';
import type { TotalKind } from '../dataProvider';

type DisplayedRows = { from: number; to: number; count: number };
// Pagination hands its other props to MUI's TablePagination after its own label: this one wins.
const LabelledPagination = Pagination as ComponentType<PaginationProps & { labelDisplayedRows: (rows: DisplayedRows) => string }>;

/**
 * react-admin's pagination, honest about totals the server did not count in full (huge tables):
 * "1-25 sur environ 1 000 000" for the planner's estimate of an unfiltered table, "1-25 sur au moins
 * 10 000" for a filtered list beyond the server's counting limit.
 */
export const ListPagination = (props: PaginationProps) => {
    const { meta } = useListContext();
    const translate = useTranslate();
    const [locale] = useLocaleState();
    const kind = (meta as { totalKind?: TotalKind } | undefined)?.totalKind;
    if (kind !== 'estimate' && kind !== 'at-least') return <Pagination {...props} />;
    const labelDisplayedRows = ({ from, to, count }: DisplayedRows) =>
        translate(kind === 'estimate' ? 'pagination.estimate' : 'pagination.at_least', {
            offsetBegin: from,
            offsetEnd: to,
            total: count.toLocaleString(locale === 'en' ? 'en-GB' : 'fr-FR'),
        });
    return <LabelledPagination {...props} labelDisplayedRows={labelDisplayedRows} />;
};
