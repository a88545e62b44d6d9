import { useCallback, useEffect, useRef } from 'react';

/**
 * The refetch to call when the server says "this changed". react-query merges a refetch asked
 * during a query's first load into the fetch in flight, whose answer may predate the change (a
 * list opened just as a colleague creates a record would never show it): so when a fetch is in
 * flight, one more follows once it has settled.
 */
export const useChangeRefetch = (refetch: () => unknown, isFetching: boolean | undefined) => {
    const fetching = useRef(!!isFetching);
    fetching.current = !!isFetching;
    const again = useRef(false);
    useEffect(() => {
        if (isFetching || !again.current) return;
        again.current = false;
        void refetch();
    }, [isFetching, refetch]);
    return useCallback(() => {
        if (fetching.current) again.current = true;
        void refetch();
    }, [refetch]);
};
