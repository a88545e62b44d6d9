import { SimpleShowLayout, TextField } from 'react-admin';
import { DateTimeField, RefField, RecordShow } from '../common';

export const CharterSignatureShow = () => (
    <RecordShow>
        <SimpleShowLayout>
            <TextField source="signatoryName" />
            <TextField source="signatoryRole" emptyText="—" />
            <RefField source="charterId" reference="charters" />
            <RefField source="structureId" reference="structures" />
            <RefField source="applicationId" reference="applications" />
            <DateTimeField source="signedAt" />
        </SimpleShowLayout>
    </RecordShow>
);
