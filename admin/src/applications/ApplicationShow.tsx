import { Alert, AlertTitle, Box, Typography } from '@mui/material';
import { EmailField, Labeled, TextField, useRecordContext, useTranslate } from 'react-admin';
import { DateTimeField, RecordShow, RefField, Section, StatusChip, useRecordView } from '../common';
import { ApplicationWorkflow } from './ApplicationWorkflow';
import { ApplicationWarnings, IdentityChecks, ScoreTable } from './ApplicationChecksPanel';
import type { ApplicationChecks } from './types';

const mono = { fontFamily: 'monospace' };

/** Status, reviewer and dates: who holds the application now. */
const ReviewState = () => (
    <Section title="applications.sections.review">
        <Labeled source="status">
            <Box data-testid="application-status">
                <StatusChip source="status" enum="ApplicationStatus" />
            </Box>
        </Labeled>
        <Labeled>
            <TextField source="reference" />
        </Labeled>
        <Labeled>
            <DateTimeField source="submittedAt" />
        </Labeled>
        <Labeled>
            <RefField source="assigneeId" reference="staff" link={false} />
        </Labeled>
        <Labeled>
            <DateTimeField source="claimedAt" />
        </Labeled>
        <Labeled>
            <RefField source="structureId" reference="structures" />
        </Labeled>
    </Section>
);

/** The hold's question and the applicant's reply, then the decision once taken. */
const Exchanges = () => {
    const record = useRecordContext();
    const translate = useTranslate();
    if (!record) return null;
    const decided = record.status === 'APPROVED' || record.status === 'REJECTED';
    if (!record.holdComment && !record.replyMessage && !decided) return null;
    return (
        <Box sx={{ mb: 3, display: 'grid', gap: 1.5 }}>
            {record.holdComment && (
                <Alert severity="info" data-testid="application-hold">
                    <AlertTitle>{translate('applications.hold.asked')}</AlertTitle>
                    <Typography variant="body2" sx={{ whiteSpace: 'pre-wrap' }}>
                        {record.holdComment}
                    </Typography>
                </Alert>
            )}
            {record.replyMessage && (
                <Alert severity="success" icon={false} variant="outlined" data-testid="application-reply">
                    <AlertTitle>
                        {translate('applications.hold.reply')}{' '}
                        <DateTimeField source="repliedAt" />
                    </AlertTitle>
                    <Typography variant="body2" sx={{ whiteSpace: 'pre-wrap' }}>
                        {record.replyMessage}
                    </Typography>
                </Alert>
            )}
            {decided && (
                <Alert severity={record.status === 'APPROVED' ? 'success' : 'error'} data-testid="application-decision">
                    <AlertTitle>
                        {translate(`enums.ApplicationStatus.${record.status}`)}
                        {record.rejectionReason && ` — ${translate(`enums.RejectionReason.${record.rejectionReason}`)}`}
                    </AlertTitle>
                    <Box sx={{ display: 'flex', gap: 1, flexWrap: 'wrap', alignItems: 'baseline' }}>
                        <RefField source="decidedById" reference="staff" link={false} />
                        <DateTimeField source="decidedAt" />
                    </Box>
                    {record.decisionComment && (
                        <Typography variant="body2" sx={{ whiteSpace: 'pre-wrap', mt: 0.5 }}>
                            {record.decisionComment}
                        </Typography>
                    )}
                </Alert>
            )}
        </Box>
    );
};

const ApplicationDetail = () => {
    const { data: checks, isPending, error } = useRecordView<ApplicationChecks>('checks');
    const translate = useTranslate();
    return (
        <Box sx={{ p: 2 }}>
            <ApplicationWarnings checks={checks} />
            {error && (
                <Alert severity="error" sx={{ mb: 2 }}>
                    {translate('applications.checks.unavailable')} {(error as Error).message}
                </Alert>
            )}
            <ReviewState />
            <Exchanges />
            {checks && <ScoreTable checks={checks} />}
            {checks && <IdentityChecks checks={checks} />}
            {isPending && !checks && <Typography color="text.secondary">{translate('ra.page.loading')}</Typography>}
            <Section title="applications.sections.organisation">
                <Labeled>
                    <TextField source="organisationName" />
                </Labeled>
                <Labeled>
                    <TextField source="siret" sx={mono} />
                </Labeled>
                <Labeled>
                    <TextField source="legalForm" />
                </Labeled>
                <Labeled>
                    <TextField source="addressLine" />
                </Labeled>
                <Labeled>
                    <TextField source="postalCode" />
                </Labeled>
                <Labeled>
                    <TextField source="city" />
                </Labeled>
                <Labeled>
                    <TextField source="departement" />
                </Labeled>
            </Section>
            <Section title="applications.sections.contact">
                <Labeled>
                    <TextField source="contactName" />
                </Labeled>
                <Labeled>
                    <EmailField source="contactEmail" />
                </Labeled>
                <Labeled>
                    <TextField source="contactPhone" emptyText="—" />
                </Labeled>
                <Labeled>
                    <TextField source="legalRepName" />
                </Labeled>
                <Labeled>
                    <TextField source="legalRepRole" emptyText="—" />
                </Labeled>
            </Section>
            <Section title="applications.sections.bank">
                <Labeled>
                    <TextField source="bankHolder" />
                </Labeled>
                <Labeled>
                    <TextField source="iban" sx={mono} data-testid="application-iban" />
                </Labeled>
                <Labeled>
                    <TextField source="bic" sx={mono} />
                </Labeled>
            </Section>
        </Box>
    );
};

/** The application as a reviewer instructs it: warnings first, then the checks, then what was submitted. */
export const ApplicationShow = () => (
    <RecordShow workflow={<ApplicationWorkflow />}>
        <ApplicationDetail />
    </RecordShow>
);
