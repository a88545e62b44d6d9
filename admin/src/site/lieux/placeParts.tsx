import { Box, Chip, Link, Stack, Typography } from '@mui/material';
import type { components } from '../api/openapi';
import { formatEuros } from '../../../../server/src/rules/money';

export type Place = components['schemas']['PublicPlaceDto'];
export type PlaceService = components['schemas']['PublicServiceDto'];

/** « Sans reste à charge » when one pass pays the price; else what is left to pay. */
export const PriceTag = ({ service }: { service: PlaceService }) =>
    service.remainingCents === 0 ? (
        <Chip size="small" color="success" variant="outlined" label="Sans reste à charge" data-testid="no-charge" />
    ) : (
        <Chip size="small" color="warning" variant="outlined" label={`Reste à charge : ${formatEuros(service.remainingCents)}`} data-testid="remaining-charge" />
    );

/** A service: its title, its category, its price and duration, and what a pass leaves to pay. */
export const ServiceLine = ({ service, detailed = false }: { service: PlaceService; detailed?: boolean }) => (
    <Box component="li" sx={{ py: 0.75, listStyle: 'none' }} data-testid="place-service" data-category={service.categoryCode}>
        <Stack direction={{ xs: 'column', sm: 'row' }} spacing={{ xs: 0.5, sm: 1 }} sx={{ alignItems: { sm: 'center' }, justifyContent: 'space-between' }}>
            <Box>
                <Typography variant="body2" sx={{ fontWeight: 500 }}>
                    {service.title}
                </Typography>
                <Typography variant="caption" color="text.secondary">
                    {service.categoryLabel} · {formatEuros(service.priceCents)} · {service.durationMinutes} min
                </Typography>
                {detailed && service.description && (
                    <Typography variant="body2" color="text.secondary" sx={{ mt: 0.5 }}>
                        {service.description}
                    </Typography>
                )}
            </Box>
            <Box sx={{ flexShrink: 0 }}>
                <PriceTag service={service} />
            </Box>
        </Stack>
    </Box>
);

/** The address lines of a place, with its département by name. */
export const Address = ({ place }: { place: Place }) => (
    <Typography variant="body2" color="text.secondary">
        {place.addressLine}, {place.postalCode} {place.city}
        {place.departementName ? ` (${place.departementName})` : ''}
    </Typography>
);

/** A phone number one can call from a phone. */
export const PhoneLink = ({ phone }: { phone: string }) => (
    <Link href={`tel:${phone.replace(/[^\d+]/g, '')}`} underline="hover">
        {phone}
    </Link>
);
