import { Alert, Box, Button, CircularProgress, Link, Paper, Stack, Typography } from '@mui/material';
import { apticClient } from '../api/client';
import { useLoad } from '../common/useLoad';
import { Address, PhoneLink, ServiceLine } from './placeParts';
import { publicWebAddress } from '../../../../server/src/rules/web';

const api = apticClient();

/** /lieux/?lieu=…: one place, its address, how to reach it, its services and what a pass leaves to pay. */
export const PlacePage = ({ id }: { id: string }) => {
    const place = useLoad(() => api.GET('/api/public/places/{id}', { params: { path: { id } } }), [id]);
    const back = (
        <Button href="/lieux/" variant="text" sx={{ mb: 2 }}>
            ← Tous les lieux
        </Button>
    );
    if (place.error)
        return (
            <>
                {back}
                <Alert severity="error">{place.error}</Alert>
            </>
        );
    if (!place.value) return <CircularProgress aria-label="Chargement du lieu" />;
    const p = place.value;
    return (
        <Box data-testid="place-page">
            {back}
            <Paper variant="outlined" sx={{ p: { xs: 2, sm: 3 } }}>
                <Typography variant="h5" component="h1">
                    {p.name}
                </Typography>
                <Typography variant="subtitle1" color="text.secondary" gutterBottom>
                    {p.structureName}
                </Typography>
                <Address place={p} />
                <Stack direction="row" spacing={2} sx={{ mt: 1, flexWrap: 'wrap' }}>
                    {p.phone && (
                        <Typography variant="body2">
                            Téléphone : <PhoneLink phone={p.phone} />
                        </Typography>
                    )}
                    {publicWebAddress(p.website) && (
                        <Link href={publicWebAddress(p.website)!} target="_blank" rel="noopener noreferrer" variant="body2">
                            Site internet
                        </Link>
                    )}
                </Stack>
                <Typography variant="h6" component="h2" sx={{ mt: 3 }}>
                    Services accessibles avec un pass
                </Typography>
                <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
                    Un pass #APTIC vaut 10 € : présentez-le à l’accueil, il règle le service (le reste, s’il y en a, est à votre charge).
                </Typography>
                <Box component="ul" sx={{ p: 0, m: 0 }}>
                    {p.services.map(service => (
                        <ServiceLine key={service.id} service={service} detailed />
                    ))}
                </Box>
            </Paper>
        </Box>
    );
};
