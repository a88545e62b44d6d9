import ServiceIcon from '@mui/icons-material/MiscellaneousServices';
import { ServiceList } from './ServiceList';
import { ServiceShow } from './ServiceShow';
import { ServiceCreate } from './ServiceCreate';
import { ServiceEdit } from './ServiceEdit';

export default {
    list: ServiceList,
    show: ServiceShow,
    create: ServiceCreate,
    edit: ServiceEdit,
    icon: ServiceIcon,
    recordRepresentation: 'label',
};
