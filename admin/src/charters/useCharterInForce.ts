import { useLatestPublished } from '../common/useLatestPublished';

/** The charter in force: the latest published version. */
export const useCharterInForce = () => useLatestPublished('charters');
