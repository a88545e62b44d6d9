import { useState, type FormEvent } from 'react';
import { Alert, Autocomplete, Box, Button, CircularProgress, Grid, Link, MenuItem, Pagination, Paper, Stack, TextField, Typography } from '@mui/material';
import { apticClient } from '../api/client';
import { useLoad } from '../common/useLoad';
import { DEPARTEMENTS, departementLabel } from '../../../../server/src/rules/postal';
import { Address, PhoneLink, ServiceLine, type Place } from './placeParts';
import { PlacesMap } from './PlacesMap';

const api = apticClient();
const PER_PAGE = 10;

/** The directory's filters, as in the address bar (a search can be shared or bookmarked). */
interface Filters {
    departement: string;
    postalCode: string;
    commune: string;
    category: string;
    page: number;
}

const FILTER_KEYS = ['departement', 'postalCode', 'commune', 'category'] as const;

const readFilters = (): Filters => {
    const params = new URLSearchParams(window.location.search);
    const page = Number(params.get('page'));
    return {
        departement: params.get('departement') ?? '',
        postalCode: params.get('postalCode') ?? '',
        commune: params.get('commune') ?? '',
        category: params.get('category') ?? '',
        page: Number.isInteger(page) && page > 0 ? page : 1,
    };
};

const writeFilters = (filters: Filters) => {
    const params = new URLSearchParams();
    for (const key of FILTER_KEYS) if (filters[key].trim()) params.set(key, filters[key].trim());
    if (filters.page > 1) params.set('page', String(filters.page));
    const search = params.toString();
    window.history.replaceState(null, '', `${window.location.pathname}${search ? `?${search}` : ''}`);
};

const DEPARTEMENT_OPTIONS = DEPARTEMENTS.map(d => d.code);

/** One place in the list: who, where, how to call, and its services with what a pass leaves to pay. */
const PlaceCard = ({ place }: { place: Place }) => (
    <Paper variant="outlined" sx={{ p: 2 }} role="listitem" data-testid="place" data-place-id={place.id}>
        <Stack direction={{ xs: 'column', sm: 'row' }} spacing={1} sx={{ justifyContent: 'space-between' }}>
            <Box sx={{ minWidth: 0 }}>
                <Typography variant="subtitle1" component="h2" sx={{ fontWeight: 600, lineHeight: 1.3 }}>
                    <Link href={`/lieux/?lieu=${encodeURIComponent(place.id)}`} underline="hover" color="inherit">
                        {place.name}
                    </Link>
                </Typography>
                <Address place={place} />
                {place.phone && (
                    <Typography variant="body2">
                        <PhoneLink phone={place.phone} />
                    </Typography>
                )}
            </Box>
            <Box sx={{ flexShrink: 0 }}>
                <Button size="small" variant="outlined" href={`/lieux/?lieu=${encodeURIComponent(place.id)}`} aria-label={`Voir le lieu ${place.name}`}>
                    Voir le lieu
                </Button>
            </Box>
        </Stack>
        <Box component="ul" sx={{ p: 0, m: 0, mt: 1 }}>
            {place.services.map(service => (
                <ServiceLine key={service.id} service={service} />
            ))}
        </Box>
    </Paper>
);

/**
 * /lieux/: for a beneficiary holding a booklet, or the social worker who gave it, the places that
 * accept a pass (GET /api/public/places), filtered by département, postal code, commune and
 * category, with their services and prices.
 */
export const PlacesDirectory = () => {
    const [draft, setDraft] = useState<Filters>(readFilters);
    const [filters, setFilters] = useState<Filters>(draft);
    const categories = useLoad(() => api.GET('/api/public/referential'), []);
    const mapSettings = useLoad(() => api.GET('/api/public/map'), []);
    const tilesUrl = mapSettings.value?.tilesUrl;
    const places = useLoad(
        () =>
            api.GET('/api/public/places', {
                params: {
                    query: {
                        ...(filters.departement ? { departement: filters.departement } : {}),
                        ...(filters.postalCode.trim() ? { postalCode: filters.postalCode.trim() } : {}),
                        ...(filters.commune.trim() ? { commune: filters.commune.trim() } : {}),
                        ...(filters.category ? { category: filters.category } : {}),
                        page: filters.page,
                        perPage: PER_PAGE,
                    },
                },
            }),
        [filters]
    );

    const apply = (next: Filters) => {
        writeFilters(next);
        setDraft(next);
        setFilters(next);
    };
    const search = (event: FormEvent) => {
        event.preventDefault();
        apply({ ...draft, page: 1 });
    };
    const reset = () => apply({ departement: '', postalCode: '', commune: '', category: '', page: 1 });
    const pages = places.value ? Math.max(1, Math.ceil(places.value.total / PER_PAGE)) : 1;

    return (
        <Stack spacing={2}>
            <Box>
                <Typography variant="h5" component="h1" gutterBottom>
                    Où utiliser un pass #APTIC ?
                </Typography>
                <Typography variant="body2" color="text.secondary">
                    Ces lieux de médiation numérique acceptent les pass #APTIC (10 € chacun) : accompagnement aux démarches en ligne, prise en main d’un ordinateur ou d’un
                    smartphone, ateliers… Cherchez près de chez vous, puis présentez votre pass à l’accueil.
                </Typography>
            </Box>

            <Paper variant="outlined" component="form" onSubmit={search} sx={{ p: 2 }} role="search" aria-label="Chercher un lieu">
                <Grid container spacing={1.5}>
                    <Grid size={{ xs: 12, sm: 6 }}>
                        <Autocomplete
                            options={DEPARTEMENT_OPTIONS}
                            value={draft.departement || null}
                            onChange={(_e, value) => setDraft({ ...draft, departement: value ?? '' })}
                            getOptionLabel={code => departementLabel(code)}
                            renderInput={params => <TextField {...params} label="Département" placeholder="33, Gironde…" size="small" />}
                        />
                    </Grid>
                    <Grid size={{ xs: 12, sm: 6 }}>
                        <TextField
                            select
                            label="Type de service"
                            value={draft.category}
                            onChange={e => setDraft({ ...draft, category: e.target.value })}
                            slotProps={{ select: { MenuProps: { disableScrollLock: true } } }}
                        >
                            <MenuItem value="">Tous les services</MenuItem>
                            {(categories.value ?? []).map(c => (
                                <MenuItem key={c.code} value={c.code}>
                                    {c.label}
                                </MenuItem>
                            ))}
                        </TextField>
                    </Grid>
                    <Grid size={{ xs: 12, sm: 4 }}>
                        <TextField
                            label="Code postal"
                            value={draft.postalCode}
                            onChange={e => setDraft({ ...draft, postalCode: e.target.value })}
                            slotProps={{ htmlInput: { inputMode: 'numeric', maxLength: 6 } }}
                        />
                    </Grid>
                    <Grid size={{ xs: 12, sm: 8 }}>
                        <TextField label="Commune" value={draft.commune} onChange={e => setDraft({ ...draft, commune: e.target.value })} placeholder="Mérignac, Lyon…" />
                    </Grid>
                    <Grid size={12}>
                        <Stack direction="row" spacing={1}>
                            <Button type="submit" variant="contained">
                                Rechercher
                            </Button>
                            <Button type="button" onClick={reset}>
                                Effacer
                            </Button>
                        </Stack>
                    </Grid>
                </Grid>
            </Paper>

            {places.error ? (
                <Alert severity="error" action={<Button onClick={places.reload}>Réessayer</Button>}>
                    {places.error}
                </Alert>
            ) : !places.value ? (
                <CircularProgress aria-label="Chargement des lieux" />
            ) : places.value.total === 0 ? (
                <Alert severity="info" data-testid="no-place">
                    Aucun lieu ne correspond à cette recherche. Essayez le département seul, ou une commune voisine.
                </Alert>
            ) : (
                <>
                    <Typography variant="body2" color="text.secondary" data-testid="places-count" aria-live="polite">
                        {places.value.total} lieu{places.value.total > 1 ? 'x' : ''} accepte{places.value.total > 1 ? 'nt' : ''} le pass
                    </Typography>
                    {tilesUrl && <PlacesMap places={places.value.items} tilesUrl={tilesUrl} attribution={mapSettings.value?.attribution ?? ''} />}
                    <Stack spacing={1.5} role="list" aria-label="Lieux">
                        {places.value.items.map(place => (
                            <PlaceCard key={place.id} place={place} />
                        ))}
                    </Stack>
                    {pages > 1 && (
                        <Pagination count={pages} page={filters.page} onChange={(_e, page) => apply({ ...filters, page })} sx={{ alignSelf: 'center' }} />
                    )}
                </>
            )}

            <Typography variant="caption" color="text.secondary" sx={{ textAlign: 'center' }}>
                Données ouvertes, au schéma national des lieux de médiation numérique :{' '}
                <Link href="/api/public/open-data/lieux-mediation-numerique.json">JSON</Link> ·{' '}
                <Link href="/api/public/open-data/lieux-mediation-numerique.csv">CSV</Link>
            </Typography>
        </Stack>
    );
};
