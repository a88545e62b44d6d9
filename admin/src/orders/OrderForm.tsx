import { Alert } from '@mui/material';
import {
    AutocompleteArrayInput,
    DateInput,
    NumberInput,
    SimpleForm,
    maxValue,
    minValue,
    number,
    required,
    useTranslate,
    type Validator,
} from 'react-admin';
import { MoneyInput, RecordFormToolbar, RefInput, toDay, yearInParis } from '../common';
import { DEPARTEMENT_MESSAGE, DEPARTEMENTS, departementLabel, isValidDepartement } from '../../../server/src/rules/postal';
import { MAX_BOOKLETS_PER_ORDER, MAX_PASS_VALUE_CENTS, MIN_PASS_VALUE_CENTS } from '../../../server/src/rules/orders';
import { PASS_VALUE_CENTS } from '../../../server/src/rules/money';

/** The départements to choose from, by code and name (« 33 — Gironde »), searchable by either. */
const DEPARTEMENT_CHOICES = DEPARTEMENTS.map(d => ({ id: d.code, name: departementLabel(d.code) }));

/** Every département code of the list is one the server knows ("33", "2A", "971"). */
const departements: Validator = (values: unknown) => {
    if (!Array.isArray(values)) return undefined;
    const wrong = values.filter(value => !isValidDepartement(String(value).trim()));
    return wrong.length ? `${DEPARTEMENT_MESSAGE} (${wrong.join(', ')})` : undefined;
};

/** The validity window ends after it starts. */
const windowInOrder: Validator = (validUntil: unknown, values: Record<string, unknown>) => {
    const from = toDay(values.validFrom);
    const until = toDay(validUntil);
    return from && until && until < from ? 'orders.form.windowInOrder' : undefined;
};

/** What the server computes from the inputs: shown so nobody looks for an amount to type. */
const AmountsNote = () => {
    const translate = useTranslate();
    return (
        <Alert severity="info" sx={{ mb: 2, maxWidth: 640 }} data-testid="order-amounts-note">
            {translate('orders.form.amountsNote')}
        </Alert>
    );
};

/** Shared by OrderCreate and OrderEdit (a draft only): no amount input, the server computes them. */
export const OrderForm = () => (
    <SimpleForm
        toolbar={<RecordFormToolbar deletable={false} />}
        defaultValues={{ passValueCents: PASS_VALUE_CENTS, validityYear: yearInParis() }}
        sx={{ maxWidth: 720 }}
    >
        <AmountsNote />
        <RefInput source="sponsorId" reference="sponsors" validate={required()} />
        <NumberInput
            source="bookletCount"
            step={1}
            validate={[required(), number(), minValue(1), maxValue(MAX_BOOKLETS_PER_ORDER)]}
            helperText="orders.form.bookletCountHelp"
        />
        <MoneyInput
            source="passValueCents"
            validate={[required(), minValue(MIN_PASS_VALUE_CENTS, 'orders.form.passValueRange'), maxValue(MAX_PASS_VALUE_CENTS, 'orders.form.passValueRange')]}
            helperText="orders.form.passValueHelp"
        />
        <NumberInput source="validityYear" step={1} validate={[required(), number(), minValue(2000), maxValue(2100)]} helperText="orders.form.validityYearHelp" />
        <AutocompleteArrayInput
            source="allowedDepartements"
            choices={DEPARTEMENT_CHOICES}
            validate={departements}
            helperText="orders.form.departementsHelp"
            sx={{ minWidth: 320 }}
        />
        <DateInput source="validFrom" helperText="orders.form.windowHelp" />
        <DateInput source="validUntil" validate={windowInOrder} helperText={false} />
    </SimpleForm>
);

/** The fields `POST/PUT /api/orders` take; an empty restriction is none. */
export const orderPayload = (data: Record<string, any>) => ({
    sponsorId: data.sponsorId,
    bookletCount: Number(data.bookletCount),
    passValueCents: data.passValueCents == null ? undefined : Number(data.passValueCents),
    validityYear: Number(data.validityYear),
    allowedDepartements: (data.allowedDepartements ?? []).map((code: unknown) => String(code).trim().toUpperCase()).filter(Boolean),
    validFrom: toDay(data.validFrom),
    validUntil: toDay(data.validUntil),
});

/** On creation an empty window is left out (the server's default: the validity year). */
export const newOrderPayload = (data: Record<string, any>) => {
    const payload: Record<string, unknown> = orderPayload(data);
    if (payload.validFrom == null) delete payload.validFrom;
    if (payload.validUntil == null) delete payload.validUntil;
    return payload;
};
