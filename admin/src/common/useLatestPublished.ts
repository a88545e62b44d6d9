import { useCanAccess, useGetList } from 'react-admin';

/**
 * The version in force of a versioned text (charter, questionnaire): the latest published one.
 * Undefined while loading, when none is published, or when the role may not read it.
 */
export const useLatestPublished = <T extends { id: string; version: number } = { id: string; version: number; title: string }>(
    resource: 'charters' | 'questionnaires'
) => {
    const { canAccess } = useCanAccess({ resource, action: 'list' });
    const { data } = useGetList(
        resource,
        {
            filter: { publishedAt_gte: '2000-01-01' },
            sort: { field: 'version', order: 'DESC' },
            pagination: { page: 1, perPage: 1 },
        },
        { enabled: !!canAccess }
    );
    return data?.[0] as T | undefined;
};
