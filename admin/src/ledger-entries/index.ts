import LedgerIcon from '@mui/icons-material/AccountBalance';
import { LedgerEntryList } from './LedgerEntryList';

export default {
    list: LedgerEntryList,
    icon: LedgerIcon,
    recordRepresentation: 'account',
};
