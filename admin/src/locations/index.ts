import LocationIcon from '@mui/icons-material/Place';
import { lazyPage } from '../common/lazyPage';

const LocationList = lazyPage(() => import('./LocationList'), 'LocationList');
const LocationShow = lazyPage(() => import('./LocationShow'), 'LocationShow');

export default {
    list: LocationList,
    show: LocationShow,
    icon: LocationIcon,
    recordRepresentation: 'name',
};
