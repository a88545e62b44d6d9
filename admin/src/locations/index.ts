import LocationIcon from '@mui/icons-material/Place';
import { LocationList } from './LocationList';
import { LocationShow } from './LocationShow';

export default {
    list: LocationList,
    show: LocationShow,
    icon: LocationIcon,
    recordRepresentation: 'name',
};
