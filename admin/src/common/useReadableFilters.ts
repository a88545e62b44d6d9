import type { ReactElement } from 'react';
import { useCanAccessResources } from 'react-admin';

/**
 * Drops the ReferenceInput filters pointing at resources the user may not read
 * (their choices would only answer 403). Other filters are kept as they are.
 */
export const useReadableFilters = (filters: ReactElement[]): ReactElement[] => {
    const references = filters
        .map(filter => (filter.props as { reference?: string }).reference)
        .filter((reference): reference is string => !!reference);
    const { canAccess } = useCanAccessResources({ action: 'list', resources: references });
    return filters.filter(filter => {
        const reference = (filter.props as { reference?: string }).reference;
        return !reference || canAccess?.[reference] === true;
    });
};
