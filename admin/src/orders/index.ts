import OrderIcon from '@mui/icons-material/ShoppingCart';
import { lazyPage } from '../common/lazyPage';

const OrderList = lazyPage(() => import('./OrderList'), 'OrderList');
const OrderShow = lazyPage(() => import('./OrderShow'), 'OrderShow');
const OrderCreate = lazyPage(() => import('./OrderCreate'), 'OrderCreate');
const OrderEdit = lazyPage(() => import('./OrderEdit'), 'OrderEdit');

export default {
    list: OrderList,
    show: OrderShow,
    create: OrderCreate,
    edit: OrderEdit,
    icon: OrderIcon,
    recordRepresentation: 'reference',
};
