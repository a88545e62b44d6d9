import RedemptionIcon from '@mui/icons-material/ShoppingBasket';
import { lazyPage } from '../common/lazyPage';

const RedemptionList = lazyPage(() => import('./RedemptionList'), 'RedemptionList');
const RedemptionShow = lazyPage(() => import('./RedemptionShow'), 'RedemptionShow');

export default {
    list: RedemptionList,
    show: RedemptionShow,
    icon: RedemptionIcon,
    recordRepresentation: (record: { createdAt?: string; passCount?: number }) =>
        `${record.createdAt ? new Date(record.createdAt).toLocaleString('fr-FR') : ''} (${record.passCount ?? 0} pass)`,
};
