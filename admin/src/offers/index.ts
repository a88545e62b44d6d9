import OfferIcon from '@mui/icons-material/LocalOffer';
import { lazyPage } from '../common/lazyPage';

const OfferList = lazyPage(() => import('./OfferList'), 'OfferList');
const OfferShow = lazyPage(() => import('./OfferShow'), 'OfferShow');

export default {
    list: OfferList,
    show: OfferShow,
    icon: OfferIcon,
    recordRepresentation: 'title',
};
