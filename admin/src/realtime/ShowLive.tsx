import { useNotify, useRedirect, useShowContext } from 'react-admin';
import { isOwnChange } from './localWrites';
import { useSubscribeToRecord } from './useSubscribe';
import { useChangeRefetch } from './useChangeRefetch';

/**
 * Keeps a show page current (react-admin's ShowLive): refetches the record when it changes,
 * tells the user when the change came from someone else, leaves for the list when it is
 * deleted. Renders nothing; place it inside a ShowContext.
 */
export const ShowLive = () => {
    const { record, resource, refetch: refetchNow, isFetching } = useShowContext();
    const refetch = useChangeRefetch(refetchNow, isFetching);
    const notify = useNotify();
    const redirect = useRedirect();
    useSubscribeToRecord(
        event => {
            const local = isOwnChange(event, resource!, record?.id);
            if (event.type === 'deleted') {
                if (!local) notify('realtime.record.deleted', { type: 'warning' });
                redirect('list', resource);
                return;
            }
            if (event.type !== 'updated' && event.type !== 'reconnected') return;
            refetch();
            if (event.type === 'updated' && !local) notify('realtime.record.changed', { type: 'info' });
        },
        resource,
        record?.id
    );
    return null;
};
