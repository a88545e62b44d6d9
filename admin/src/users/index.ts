import UserIcon from '@mui/icons-material/ManageAccounts';
import { lazyPage } from '../common/lazyPage';

const UserList = lazyPage(() => import('./UserList'), 'UserList');
const UserShow = lazyPage(() => import('./UserShow'), 'UserShow');
const UserCreate = lazyPage(() => import('./UserCreate'), 'UserCreate');
const UserEdit = lazyPage(() => import('./UserEdit'), 'UserEdit');

export default {
    list: UserList,
    show: UserShow,
    create: UserCreate,
    edit: UserEdit,
    icon: UserIcon,
    recordRepresentation: 'fullName',
};
