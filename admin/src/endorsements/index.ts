import EndorsementIcon from '@mui/icons-material/EventAvailable';
import { lazyPage } from '../common/lazyPage';

const EndorsementList = lazyPage(() => import('./EndorsementList'), 'EndorsementList');
const EndorsementShow = lazyPage(() => import('./EndorsementShow'), 'EndorsementShow');

export default {
    list: EndorsementList,
    show: EndorsementShow,
    icon: EndorsementIcon,
    recordRepresentation: 'period',
};
