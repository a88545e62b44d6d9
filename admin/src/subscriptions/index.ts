import SubscriptionIcon from '@mui/icons-material/QrCodeScanner';
import { lazyPage } from '../common/lazyPage';

const SubscriptionList = lazyPage(() => import('./SubscriptionList'), 'SubscriptionList');
const SubscriptionShow = lazyPage(() => import('./SubscriptionShow'), 'SubscriptionShow');

export default {
    list: SubscriptionList,
    show: SubscriptionShow,
    icon: SubscriptionIcon,
    recordRepresentation: (record: { plan?: string; orderedAt?: string }) =>
        `${record.plan === 'ANNUAL' ? 'Annuel' : 'Mensuel'} — ${record.orderedAt ? new Date(record.orderedAt).toLocaleDateString('fr-FR') : ''}`,
};
