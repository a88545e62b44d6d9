import LocationIcon from '@mui/icons-material/Place';
import { lazyPage } from '../common/lazyPage';

const LocationList = lazyPage(() => import('./LocationList'), 'LocationList');
const LocationShow = lazyPage(() => import('./LocationShow'), 'LocationShow');
const LocationCreate = lazyPage(() => import('./LocationCreate'), 'LocationCreate');
const LocationEdit = lazyPage(() => import('./LocationEdit'), 'LocationEdit');

export default {
    list: LocationList,
    show: LocationShow,
    create: LocationCreate,
    edit: LocationEdit,
    icon: LocationIcon,
    recordRepresentation: 'name',
};
