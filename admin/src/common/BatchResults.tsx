import { createContext, useContext, useState, type ReactNode } from 'react';
import { Alert, AlertTitle, Box, Link, List, ListItem, ListItemText } from '@mui/material';
import { useCreatePath, useGetMany, useResourceContext, useTranslate } from 'react-admin';
import { Link as RouterLink } from 'react-router-dom';
import type { BatchResult } from '../dataProvider';

interface BatchResultsValue {
    result: BatchResult | null;
    show: (result: BatchResult | null) => void;
}

const BatchResultsContext = createContext<BatchResultsValue>({ result: null, show: () => undefined });

export const useBatchResults = () => useContext(BatchResultsContext);

/**
 * Keeps the last batch's outcome above the list. It lives outside the bulk actions toolbar,
 * which disappears as soon as the succeeded rows are unselected.
 */
export const BatchResultsProvider = ({ children }: { children: ReactNode }) => {
    const [result, show] = useState<BatchResult | null>(null);
    return <BatchResultsContext.Provider value={{ result, show }}>{children}</BatchResultsContext.Provider>;
};

/** "198 offres approuvées, 2 en échec", and each failure with the server's reason, linked to its record. */
export const BatchResultPanel = ({ titleSource = 'title' }: { titleSource?: string }) => {
    const { result, show } = useBatchResults();
    const resource = useResourceContext()!;
    const translate = useTranslate();
    const createPath = useCreatePath();
    const failures = result?.results.filter(r => !r.ok) ?? [];
    const { data: failedRecords } = useGetMany(resource, { ids: failures.map(f => f.id) }, { enabled: failures.length > 0 });
    if (!result) return null;
    const name = (id: string) => failedRecords?.find(r => String(r.id) === id)?.[titleSource] ?? id;
    const summary = [
        translate(`batch.done.${result.action}`, { smart_count: result.succeeded, _: `${result.succeeded}` }),
        result.failed ? translate('batch.failed', { smart_count: result.failed }) : null,
    ]
        .filter(Boolean)
        .join(', ');
    return (
        <Box sx={{ px: 2, pt: 2 }}>
            <Alert
                severity={result.failed === 0 ? 'success' : result.succeeded === 0 ? 'error' : 'warning'}
                onClose={() => show(null)}
                data-testid="batch-summary"
            >
                <AlertTitle sx={{ mb: failures.length ? 0.5 : 0 }}>{summary}</AlertTitle>
                {failures.length > 0 && (
                    <List dense disablePadding data-testid="batch-failures">
                        {failures.map(failure => (
                            <ListItem key={failure.id} disableGutters sx={{ py: 0 }}>
                                <ListItemText
                                    primary={
                                        <>
                                            <Link
                                                component={RouterLink}
                                                to={createPath({ resource, id: failure.id, type: 'show' })}
                                            >
                                                {name(failure.id)}
                                            </Link>
                                            {' — '}
                                            {failure.error}
                                        </>
                                    }
                                />
                            </ListItem>
                        ))}
                    </List>
                )}
            </Alert>
        </Box>
    );
};
