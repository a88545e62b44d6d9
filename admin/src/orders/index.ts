import OrderIcon from '@mui/icons-material/ShoppingCart';
import { lazyPage } from '../common/lazyPage';

const OrderList = lazyPage(() => import('./OrderList'), 'OrderList');
const OrderShow = lazyPage(() => import('./OrderShow'), 'OrderShow');

export default {
    list: OrderList,
    show: OrderShow,
    icon: OrderIcon,
    recordRepresentation: 'reference',
};
