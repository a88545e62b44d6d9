import StatementIcon from '@mui/icons-material/ReceiptLong';
import { lazyPage } from '../common/lazyPage';

const StatementList = lazyPage(() => import('./StatementList'), 'StatementList');
const StatementShow = lazyPage(() => import('./StatementShow'), 'StatementShow');

export default {
    list: StatementList,
    show: StatementShow,
    icon: StatementIcon,
    recordRepresentation: (record: { number?: string | null; year?: number | null }) =>
        record.number ?? 'Relevé provisoire',
};
