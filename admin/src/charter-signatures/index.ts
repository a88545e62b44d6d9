import SignatureIcon from '@mui/icons-material/Draw';
import { lazyPage } from '../common/lazyPage';

const CharterSignatureList = lazyPage(() => import('./CharterSignatureList'), 'CharterSignatureList');
const CharterSignatureShow = lazyPage(() => import('./CharterSignatureShow'), 'CharterSignatureShow');

export default {
    list: CharterSignatureList,
    show: CharterSignatureShow,
    icon: SignatureIcon,
    recordRepresentation: 'signatoryName',
};
