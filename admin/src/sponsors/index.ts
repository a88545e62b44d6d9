import SponsorIcon from '@mui/icons-material/AccountBalance';
import { lazyPage } from '../common/lazyPage';

const SponsorList = lazyPage(() => import('./SponsorList'), 'SponsorList');
const SponsorShow = lazyPage(() => import('./SponsorShow'), 'SponsorShow');
const SponsorCreate = lazyPage(() => import('./SponsorCreate'), 'SponsorCreate');
const SponsorEdit = lazyPage(() => import('./SponsorEdit'), 'SponsorEdit');

export default {
    list: SponsorList,
    show: SponsorShow,
    create: SponsorCreate,
    edit: SponsorEdit,
    icon: SponsorIcon,
    recordRepresentation: 'name',
};
