import StatementIcon from '@mui/icons-material/ReceiptLong';
import { StatementList } from './StatementList';
import { StatementShow } from './StatementShow';

export default {
    list: StatementList,
    show: StatementShow,
    icon: StatementIcon,
    recordRepresentation: (record: { number?: string | null; year?: number | null }) =>
        record.number ?? 'Relevé provisoire',
};
