import {
    Alert,
    AlertTitle,
    Box,
    Chip,
    Link,
    Stack,
    Table,
    TableBody,
    TableCell,
    TableHead,
    TableRow,
    Typography,
} from '@mui/material';
import { Link as RouterLink } from 'react-router-dom';
import { useCreatePath, useTranslate } from 'react-admin';
import { Fact, Section, formatCents, statusColour } from '../common';
import type { OfferReview } from './types';

const EnumChip = ({ name, value, color }: { name: string; value: string; color?: 'warning' | 'default' }) => {
    const translate = useTranslate();
    return (
        <Chip
            size="small"
            variant={color ? 'outlined' : 'filled'}
            color={color ?? statusColour(value)}
            label={translate(`enums.${name}.${value}`, { _: value })}
        />
    );
};

/** Each flag in words: what the automatic checks found and why it matters. */
export const FlagExplanations = ({ review }: { review: OfferReview }) => {
    const translate = useTranslate();
    const flags = review.offer.flagExplanations;
    if (flags.length === 0) {
        return (
            <Alert severity="success" sx={{ mb: 3 }} data-testid="offer-flags">
                {translate('offers.review.noFlag')}
            </Alert>
        );
    }
    return (
        <Stack spacing={1} sx={{ mb: 3 }} data-testid="offer-flags">
            {flags.map(({ flag, explanation }) => (
                <Alert key={flag} severity="warning" data-flag={flag}>
                    <AlertTitle sx={{ mb: 0 }}>{translate(`enums.OfferFlag.${flag}`, { _: flag })}</AlertTitle>
                    {explanation}
                </Alert>
            ))}
        </Stack>
    );
};

/** The price against the referential's, and what it means for the beneficiary who pays with passes. */
export const PriceImpact = ({ review }: { review: OfferReview }) => {
    const translate = useTranslate();
    const { impact, service, offer } = review;
    const diff = impact.priceDifferenceCents;
    return (
        <Section title="offers.review.price" testId="offer-impact">
            <Fact label="resources.offers.fields.priceCents">
                <strong>{formatCents(offer.priceCents)}</strong>
            </Fact>
            <Fact label="offers.review.recommended">{formatCents(service.recommendedPriceCents)}</Fact>
            <Fact label="offers.review.difference">
                <Box component="span" sx={{ color: diff > 0 ? 'error.main' : diff < 0 ? 'success.main' : 'text.primary' }}>
                    {diff === 0 ? translate('offers.review.samePrice') : `${diff > 0 ? '+' : '−'}${formatCents(Math.abs(diff))}`}
                </Box>
            </Fact>
            <Fact label="offers.review.passesNeeded">{translate('offers.review.passes', { smart_count: impact.passesNeeded })}</Fact>
            <Fact label="offers.review.remainingCharge">
                <Box component="span" sx={{ color: impact.remainingChargeCents > 0 ? 'error.main' : 'success.main' }}>
                    {impact.remainingChargeCents > 0 ? formatCents(impact.remainingChargeCents) : translate('offers.review.noRemainingCharge')}
                </Box>
            </Fact>
            <Box sx={{ gridColumn: '1 / -1' }}>
                <Alert severity={impact.remainingChargeCents > 0 || diff > 0 ? 'warning' : 'info'} icon={false} data-testid="offer-impact-summary">
                    <strong>{translate('offers.review.forBeneficiary')}</strong> {impact.summary}
                </Alert>
            </Box>
        </Section>
    );
};

/** Who offers it and against which service of the national referential. */
export const StructureAndService = ({ review }: { review: OfferReview }) => {
    const translate = useTranslate();
    const createPath = useCreatePath();
    const { structure, service } = review;
    return (
        <Section title="offers.review.context" testId="offer-context">
            <Fact label="resources.offers.fields.structureId">
                <Link component={RouterLink} to={createPath({ resource: 'structures', id: structure.id, type: 'show' })}>
                    {structure.name}
                </Link>
                <Typography variant="caption" component="div" color="text.secondary">
                    {structure.city} ({structure.departement})
                </Typography>
            </Fact>
            <Fact label="resources.structures.fields.status">
                <Stack direction="row" spacing={0.5} useFlexGap sx={{ flexWrap: 'wrap' }}>
                    <EnumChip name="StructureStatus" value={structure.status} />
                    {structure.charterResignatureNeeded && (
                        <Chip size="small" color="warning" label={translate('structures.charter.resign')} />
                    )}
                </Stack>
            </Fact>
            <Fact label="resources.offers.fields.serviceId">
                <Link component={RouterLink} to={createPath({ resource: 'referential-services', id: service.id, type: 'show' })}>
                    {service.label}
                </Link>
                <Typography variant="caption" component="div" color="text.secondary">
                    {service.code}
                    {!service.active && ` — ${translate('offers.review.serviceInactive')}`}
                </Typography>
            </Fact>
            <Fact label="resources.referential-services.fields.categoryId">
                {service.category.label}
                {!service.category.active && (
                    <Typography variant="caption" component="div" color="error.main">
                        {translate('offers.review.categoryInactive')}
                    </Typography>
                )}
            </Fact>
        </Section>
    );
};

/** The structure's other offers: a duplicate shows up here. */
export const OtherOffers = ({ review }: { review: OfferReview }) => {
    const translate = useTranslate();
    const createPath = useCreatePath();
    return (
        <Section title="offers.review.otherOffers" columns={false} testId="offer-other-offers">
            {review.otherOffers.length === 0 ? (
                <Typography variant="body2" color="text.secondary">
                    {translate('offers.review.noOtherOffer')}
                </Typography>
            ) : (
                <Table size="small">
                    <TableHead>
                        <TableRow>
                            <TableCell>{translate('resources.offers.fields.title')}</TableCell>
                            <TableCell>{translate('resources.offers.fields.priceCents')}</TableCell>
                            <TableCell>{translate('resources.offers.fields.status')}</TableCell>
                            <TableCell>{translate('resources.offers.fields.flags')}</TableCell>
                        </TableRow>
                    </TableHead>
                    <TableBody>
                        {review.otherOffers.map(other => (
                            <TableRow
                                key={other.id}
                                sx={other.serviceId === review.service.id ? { bgcolor: 'rgba(255, 152, 0, 0.08)' } : undefined}
                            >
                                <TableCell>
                                    <Link component={RouterLink} to={createPath({ resource: 'offers', id: other.id, type: 'show' })}>
                                        {other.title}
                                    </Link>
                                    {other.serviceId === review.service.id && (
                                        <Typography variant="caption" component="div" color="warning.main">
                                            {translate('offers.review.sameService')}
                                        </Typography>
                                    )}
                                </TableCell>
                                <TableCell sx={{ whiteSpace: 'nowrap' }}>{formatCents(other.priceCents)}</TableCell>
                                <TableCell>
                                    <EnumChip name="OfferStatus" value={other.status} />
                                </TableCell>
                                <TableCell>
                                    <Stack direction="row" spacing={0.5} useFlexGap sx={{ flexWrap: 'wrap' }}>
                                        {other.flags.map(flag => (
                                            <EnumChip key={flag} name="OfferFlag" value={flag} color="warning" />
                                        ))}
                                    </Stack>
                                </TableCell>
                            </TableRow>
                        ))}
                    </TableBody>
                </Table>
            )}
        </Section>
    );
};
