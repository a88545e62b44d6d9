import PayoutIcon from '@mui/icons-material/Euro';
import { lazyPage } from '../common/lazyPage';

const PayoutList = lazyPage(() => import('./PayoutList'), 'PayoutList');
const PayoutShow = lazyPage(() => import('./PayoutShow'), 'PayoutShow');

export default {
    list: PayoutList,
    show: PayoutShow,
    icon: PayoutIcon,
    recordRepresentation: 'endToEndId',
};
