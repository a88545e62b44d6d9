import SignatureIcon from '@mui/icons-material/Draw';
import { CharterSignatureList } from './CharterSignatureList';
import { CharterSignatureShow } from './CharterSignatureShow';

export default {
    list: CharterSignatureList,
    show: CharterSignatureShow,
    icon: SignatureIcon,
    recordRepresentation: 'signatoryName',
};
