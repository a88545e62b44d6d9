import ScanIcon from '@mui/icons-material/QrCode2';
import { ScanList } from './ScanList';
import { ScanShow } from './ScanShow';

export default {
    list: ScanList,
    show: ScanShow,
    icon: ScanIcon,
    recordRepresentation: 'barcode',
};
