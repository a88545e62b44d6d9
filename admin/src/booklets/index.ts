import BookletIcon from '@mui/icons-material/MenuBook';
import { lazyPage } from '../common/lazyPage';

const BookletList = lazyPage(() => import('./BookletList'), 'BookletList');
const BookletShow = lazyPage(() => import('./BookletShow'), 'BookletShow');

export default {
    list: BookletList,
    show: BookletShow,
    icon: BookletIcon,
    recordRepresentation: 'number',
};
