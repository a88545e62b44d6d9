import SubscriptionIcon from '@mui/icons-material/QrCodeScanner';
import { SubscriptionList } from './SubscriptionList';
import { SubscriptionShow } from './SubscriptionShow';

export default {
    list: SubscriptionList,
    show: SubscriptionShow,
    icon: SubscriptionIcon,
    recordRepresentation: (record: { plan?: string; orderedAt?: string }) =>
        `${record.plan === 'ANNUAL' ? 'Annuel' : 'Mensuel'} — ${record.orderedAt ? new Date(record.orderedAt).toLocaleDateString('fr-FR') : ''}`,
};
