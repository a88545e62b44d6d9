import { EmailField, TabbedShowLayout, TextField } from 'react-admin';
import { DateTimeField, JsonField, RefField, StatusChip, RecordShow } from '../common';
import { ScoreField } from './ScoreField';

export const ApplicationShow = () => (
    <RecordShow>
        <TabbedShowLayout>
            <TabbedShowLayout.Tab label="tabs.summary">
                <TextField source="reference" />
                <StatusChip source="status" enum="ApplicationStatus" />
                <TextField source="organisationName" />
                <TextField source="siret" />
                <TextField source="legalForm" />
                <DateTimeField source="submittedAt" />
                <RefField source="structureId" reference="structures" />
                <RefField source="assigneeId" reference="staff" link={false} />
                <DateTimeField source="claimedAt" />
            </TabbedShowLayout.Tab>
            <TabbedShowLayout.Tab label="tabs.contact" path="contact">
                <TextField source="contactName" />
                <EmailField source="contactEmail" />
                <TextField source="contactPhone" emptyText="—" />
                <TextField source="legalRepName" />
                <TextField source="legalRepRole" emptyText="—" />
                <TextField source="addressLine" />
                <TextField source="postalCode" />
                <TextField source="city" />
                <TextField source="departement" />
            </TabbedShowLayout.Tab>
            <TabbedShowLayout.Tab label="tabs.bank" path="bank">
                <TextField source="bankHolder" />
                <TextField source="iban" sx={{ fontFamily: 'monospace' }} />
                <TextField source="bic" sx={{ fontFamily: 'monospace' }} />
            </TabbedShowLayout.Tab>
            <TabbedShowLayout.Tab label="tabs.questionnaire" path="questionnaire">
                <RefField source="questionnaireId" reference="questionnaires" />
                <ScoreField source="score" />
                <TextField source="scoreThreshold" />
                <JsonField source="answers" />
                <RefField source="charterId" reference="charters" />
            </TabbedShowLayout.Tab>
            <TabbedShowLayout.Tab label="tabs.decision" path="decision">
                <RefField source="decidedById" reference="staff" link={false} />
                <DateTimeField source="decidedAt" />
                <StatusChip source="rejectionReason" enum="RejectionReason" color="error" />
                <TextField source="decisionComment" emptyText="—" />
                <TextField source="holdComment" emptyText="—" />
            </TabbedShowLayout.Tab>
        </TabbedShowLayout>
    </RecordShow>
);
