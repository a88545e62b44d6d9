import PassIcon from '@mui/icons-material/ConfirmationNumber';
import { lazyPage } from '../common/lazyPage';

const PassList = lazyPage(() => import('./PassList'), 'PassList');
const PassShow = lazyPage(() => import('./PassShow'), 'PassShow');

export default {
    list: PassList,
    show: PassShow,
    icon: PassIcon,
    recordRepresentation: 'barcode',
};
