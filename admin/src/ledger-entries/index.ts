import LedgerIcon from '@mui/icons-material/AccountBalance';
import { lazyPage } from '../common/lazyPage';

const LedgerEntryList = lazyPage(() => import('./LedgerEntryList'), 'LedgerEntryList');

export default {
    list: LedgerEntryList,
    icon: LedgerIcon,
    recordRepresentation: 'account',
};
