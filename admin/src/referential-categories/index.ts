import CategoryIcon from '@mui/icons-material/Category';
import { lazyPage } from '../common/lazyPage';

const CategoryList = lazyPage(() => import('./CategoryList'), 'CategoryList');
const CategoryShow = lazyPage(() => import('./CategoryShow'), 'CategoryShow');
const CategoryCreate = lazyPage(() => import('./CategoryCreate'), 'CategoryCreate');
const CategoryEdit = lazyPage(() => import('./CategoryEdit'), 'CategoryEdit');

export default {
    list: CategoryList,
    show: CategoryShow,
    create: CategoryCreate,
    edit: CategoryEdit,
    icon: CategoryIcon,
    recordRepresentation: 'label',
};
