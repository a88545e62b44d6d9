import PaymentIcon from '@mui/icons-material/Payments';
import { lazyPage } from '../common/lazyPage';

const SponsorPaymentList = lazyPage(() => import('./SponsorPaymentList'), 'SponsorPaymentList');

export default {
    list: SponsorPaymentList,
    icon: PaymentIcon,
    recordRepresentation: 'bankReference',
};
