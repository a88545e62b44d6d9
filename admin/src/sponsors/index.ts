import SponsorIcon from '@mui/icons-material/AccountBalance';
import { SponsorList } from './SponsorList';
import { SponsorShow } from './SponsorShow';
import { SponsorCreate } from './SponsorCreate';
import { SponsorEdit } from './SponsorEdit';

export default {
    list: SponsorList,
    show: SponsorShow,
    create: SponsorCreate,
    edit: SponsorEdit,
    icon: SponsorIcon,
    recordRepresentation: 'name',
};
