import { useQuery } from '@tanstack/react-query';
import { useDataProvider, useRecordContext, useResourceContext } from 'react-admin';
import type { AppDataProvider } from '../dataProvider';

/**
 * A server-computed view of the current record (`GET /api/<resource>/:id/<view>`: an
 * application's checks, an offer's review, a structure's keys). Fetched again whenever the
 * record changes (the record page is live), so the view never lags behind the record.
 */
export const useRecordView = <T>(view: string, { enabled = true }: { enabled?: boolean } = {}) => {
    const resource = useResourceContext();
    const record = useRecordContext();
    const dataProvider = useDataProvider<AppDataProvider>();
    return useQuery({
        queryKey: [resource, 'view', view, record?.id, record?.updatedAt],
        queryFn: () => dataProvider.getRecordView<T>(resource!, { id: record!.id, view }).then(({ data }) => data),
        enabled: enabled && !!resource && !!record,
        // While the record's new version loads, keep its previous view (not another record's).
        placeholderData: (previous, previousQuery) => (previousQuery?.queryKey[3] === record?.id ? previous : undefined),
    });
};
