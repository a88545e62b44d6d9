import OfferIcon from '@mui/icons-material/LocalOffer';
import { OfferList } from './OfferList';
import { OfferShow } from './OfferShow';

export default {
    list: OfferList,
    show: OfferShow,
    icon: OfferIcon,
    recordRepresentation: 'title',
};
