import { Alert, Box, Stack, Typography } from '@mui/material';
import { Labeled, NumberField, TextField, useRecordContext, useTranslate } from 'react-admin';
import { DateTimeField, RecordShow, RefField, Section, StatusChip, useRecordView } from '../common';
import { ModerationButtons } from './ModerationButtons';
import { FlagExplanations, OtherOffers, PriceImpact, StructureAndService } from './OfferReviewPanel';
import type { OfferReview } from './types';

/** The last moderation decision and its comment. */
const Moderation = () => {
    const record = useRecordContext();
    if (!record?.moderatedAt) return null;
    return (
        <Section title="tabs.moderation">
            <Labeled>
                <StatusChip source="validation" enum="OfferValidation" />
            </Labeled>
            <Labeled>
                <RefField source="moderatedById" reference="staff" link={false} />
            </Labeled>
            <Labeled>
                <DateTimeField source="moderatedAt" />
            </Labeled>
            <Box sx={{ gridColumn: '1 / -1' }}>
                <Labeled>
                    <TextField source="moderationComment" emptyText="—" sx={{ whiteSpace: 'pre-wrap' }} />
                </Labeled>
            </Box>
        </Section>
    );
};

const OfferDetail = () => {
    const translate = useTranslate();
    const { data: review, error } = useRecordView<OfferReview>('review');
    return (
        <Box sx={{ p: 2 }}>
            <Stack direction="row" spacing={1} useFlexGap sx={{ alignItems: 'center', flexWrap: 'wrap', mb: 2 }}>
                <TextField source="title" variant="h6" component="h2" />
                <Box data-testid="offer-status">
                    <StatusChip source="status" enum="OfferStatus" />
                </Box>
            </Stack>
            {error && (
                <Alert severity="error" sx={{ mb: 2 }}>
                    {translate('offers.review.unavailable')} {(error as Error).message}
                </Alert>
            )}
            {review && <FlagExplanations review={review} />}
            {review && <StructureAndService review={review} />}
            {review && <PriceImpact review={review} />}
            <Section title="offers.review.offer">
                <Labeled>
                    <RefField source="locationId" reference="locations" />
                </Labeled>
                <Labeled>
                    <NumberField source="durationMinutes" />
                </Labeled>
                <Labeled>
                    <DateTimeField source="submittedAt" />
                </Labeled>
                <Box sx={{ gridColumn: '1 / -1' }}>
                    <Labeled>
                        <TextField source="description" emptyText="—" sx={{ whiteSpace: 'pre-wrap' }} />
                    </Labeled>
                </Box>
            </Section>
            <Moderation />
            {review && <OtherOffers review={review} />}
            {!review && !error && <Typography color="text.secondary">{translate('ra.page.loading')}</Typography>}
        </Box>
    );
};

/** An offer as a moderator sees it: flags explained, the referential, the price for a beneficiary, the structure's catalogue. */
export const OfferShow = () => (
    <RecordShow workflow={<ModerationButtons />}>
        <OfferDetail />
    </RecordShow>
);
