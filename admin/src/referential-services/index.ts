import ServiceIcon from '@mui/icons-material/MiscellaneousServices';
import { lazyPage } from '../common/lazyPage';

const ServiceList = lazyPage(() => import('./ServiceList'), 'ServiceList');
const ServiceShow = lazyPage(() => import('./ServiceShow'), 'ServiceShow');
const ServiceCreate = lazyPage(() => import('./ServiceCreate'), 'ServiceCreate');
const ServiceEdit = lazyPage(() => import('./ServiceEdit'), 'ServiceEdit');

export default {
    list: ServiceList,
    show: ServiceShow,
    create: ServiceCreate,
    edit: ServiceEdit,
    icon: ServiceIcon,
    recordRepresentation: 'label',
};
