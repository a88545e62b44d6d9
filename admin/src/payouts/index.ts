import PayoutIcon from '@mui/icons-material/Euro';
import { PayoutList } from './PayoutList';
import { PayoutShow } from './PayoutShow';

export default {
    list: PayoutList,
    show: PayoutShow,
    icon: PayoutIcon,
    recordRepresentation: 'endToEndId',
};
