import PassIcon from '@mui/icons-material/ConfirmationNumber';
import { PassList } from './PassList';
import { PassShow } from './PassShow';

export default {
    list: PassList,
    show: PassShow,
    icon: PassIcon,
    recordRepresentation: 'barcode',
};
