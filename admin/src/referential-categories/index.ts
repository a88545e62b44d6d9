import CategoryIcon from '@mui/icons-material/Category';
import { CategoryList } from './CategoryList';
import { CategoryShow } from './CategoryShow';
import { CategoryCreate } from './CategoryCreate';
import { CategoryEdit } from './CategoryEdit';

export default {
    list: CategoryList,
    show: CategoryShow,
    create: CategoryCreate,
    edit: CategoryEdit,
    icon: CategoryIcon,
    recordRepresentation: 'label',
};
