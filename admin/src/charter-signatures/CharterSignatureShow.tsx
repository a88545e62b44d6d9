import { Show, SimpleShowLayout, TextField } from 'react-admin';
import { DateTimeField, RefField } from '../common';

export const CharterSignatureShow = () => (
    <Show>
        <SimpleShowLayout>
            <TextField source="signatoryName" />
            <TextField source="signatoryRole" emptyText="—" />
            <RefField source="charterId" reference="charters" />
            <RefField source="structureId" reference="structures" />
            <RefField source="applicationId" reference="applications" />
            <DateTimeField source="signedAt" />
        </SimpleShowLayout>
    </Show>
);
