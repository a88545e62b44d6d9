import ScanIcon from '@mui/icons-material/QrCode2';
import { lazyPage } from '../common/lazyPage';

const ScanList = lazyPage(() => import('./ScanList'), 'ScanList');
const ScanShow = lazyPage(() => import('./ScanShow'), 'ScanShow');

export default {
    list: ScanList,
    show: ScanShow,
    icon: ScanIcon,
    recordRepresentation: 'barcode',
};
