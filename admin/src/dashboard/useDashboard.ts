import { useEffect, useState } from 'react';
import { useDataProvider } from 'react-admin';
import type { AppDataProvider, DashboardFigures } from '../dataProvider';

/** Figures of GET /api/dashboard for the signed-in role. */
export const useDashboard = () => {
    const dataProvider = useDataProvider<AppDataProvider>();
    const [state, setState] = useState<{ data?: DashboardFigures; error?: Error; isPending: boolean }>({
        isPending: true,
    });
    useEffect(() => {
        let cancelled = false;
        dataProvider
            .getDashboard()
            .then(data => !cancelled && setState({ data, isPending: false }))
            .catch(error => !cancelled && setState({ error, isPending: false }));
        return () => {
            cancelled = true;
        };
    }, [dataProvider]);
    return state;
};
