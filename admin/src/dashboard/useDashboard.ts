import { useEffect, useState } from 'react';
import { useDataProvider } from 'react-admin';
import type { AppDataProvider, DashboardFigures } from '../dataProvider';

/** The figures are fetched again this often while the dashboard is open (queues, today's scans and anomalies move). */
export const DASHBOARD_REFRESH_MS = 60_000;

/** Figures of GET /api/dashboard for the signed-in role, refreshed every minute (the last figures stay shown meanwhile). */
export const useDashboard = () => {
    const dataProvider = useDataProvider<AppDataProvider>();
    const [state, setState] = useState<{ data?: DashboardFigures; error?: Error; isPending: boolean }>({
        isPending: true,
    });
    useEffect(() => {
        let cancelled = false;
        const load = () =>
            dataProvider
                .getDashboard()
                .then(data => !cancelled && setState({ data, isPending: false }))
                .catch(error => !cancelled && setState(previous => ({ ...previous, error, isPending: false })));
        load();
        const timer = setInterval(load, DASHBOARD_REFRESH_MS);
        return () => {
            cancelled = true;
            clearInterval(timer);
        };
    }, [dataProvider]);
    return state;
};
