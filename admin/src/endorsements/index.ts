import EndorsementIcon from '@mui/icons-material/EventAvailable';
import { EndorsementList } from './EndorsementList';
import { EndorsementShow } from './EndorsementShow';

export default {
    list: EndorsementList,
    show: EndorsementShow,
    icon: EndorsementIcon,
    recordRepresentation: 'period',
};
