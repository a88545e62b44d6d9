import { useCallback, useEffect, useState } from 'react';
import { Alert, Box, Button, Chip, CircularProgress, MenuItem, Paper, Stack, TextField, Typography } from '@mui/material';
import { formatEuros } from '../../../../server/src/rules/money';
import type { ApticClient } from '../api/client';
import type { components } from '../api/openapi';
import { fieldErrorsOf, messageOf, type FieldErrors } from '../common/fieldErrors';

type Offer = components['schemas']['PartnerOfferAnswerDto'];
type Redemption = components['schemas']['RedemptionHistoryItemDto'];
type Kit = components['schemas']['KitDto'];
type Category = components['schemas']['ReferentialCategoryDto'];

const dateTime = (iso: string) => new Date(iso).toLocaleString('fr-FR', { timeZone: 'Europe/Paris', dateStyle: 'short', timeStyle: 'short' });

const OFFER_STATUS: Record<Offer['status'], { label: string; color: 'success' | 'warning' | 'error' | 'info' }> = {
    APPROVED: { label: 'Approuvée : peut être scannée', color: 'success' },
    PENDING_REVIEW: { label: 'En attente de l’équipe APTIC', color: 'info' },
    CHANGES_REQUESTED: { label: 'Modifications demandées', color: 'warning' },
    REJECTED: { label: 'Refusée', color: 'error' },
};

/** The catalogue: each offer with its moderation state and its flags in words; a new offer. */
export const CataloguePage = ({ api }: { api: ApticClient }) => {
    const [offers, setOffers] = useState<Offer[] | null>(null);
    const [referential, setReferential] = useState<Category[]>([]);
    const [draft, setDraft] = useState({ serviceId: '', title: '', price: '10', duration: '60' });
    const [errors, setErrors] = useState<FieldErrors>({});
    const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
    const load = useCallback(() => void api.GET('/api/partner/offers').then(({ data }) => setOffers(data ?? [])), [api]);
    useEffect(() => {
        load();
        void api.GET('/api/public/referential').then(({ data }) => setReferential(data ?? []));
    }, [api, load]);

    const add = async () => {
        setMessage(null);
        const priceCents = Math.round(Number(draft.price.replace(',', '.')) * 100);
        const { data, error } = await api.POST('/api/partner/offers', {
            body: { serviceId: draft.serviceId, title: draft.title, priceCents, durationMinutes: Number(draft.duration) },
        });
        if (!data) {
            setErrors(fieldErrorsOf(error));
            return setMessage({ ok: false, text: messageOf(error) });
        }
        setErrors({});
        setDraft({ serviceId: '', title: '', price: '10', duration: '60' });
        setMessage({ ok: true, text: data.status === 'APPROVED' ? `« ${data.title} » est approuvée : vous pouvez la scanner.` : `« ${data.title} » attend l’examen de l’équipe APTIC.` });
        load();
    };

    if (offers === null) return <CircularProgress aria-label="Chargement du catalogue" />;
    return (
        <Stack spacing={3}>
            <Stack spacing={1.5}>
                {offers.length === 0 && <Alert severity="info">Votre catalogue est vide : ajoutez votre première offre ci-dessous.</Alert>}
                {offers.map(o => (
                    <Paper key={o.id} variant="outlined" sx={{ p: 2 }} data-offer={o.title}>
                        <Stack direction={{ xs: 'column', sm: 'row' }} spacing={1} sx={{ justifyContent: 'space-between', alignItems: { sm: 'center' } }}>
                            <Box>
                                <Typography sx={{ fontWeight: 500 }}>{o.title}</Typography>
                                <Typography variant="body2" color="text.secondary">
                                    {formatEuros(o.priceCents)} · {o.durationMinutes} min
                                </Typography>
                            </Box>
                            <Chip label={OFFER_STATUS[o.status].label} color={OFFER_STATUS[o.status].color} size="small" />
                        </Stack>
                        {o.flagExplanations.map(f => (
                            <Typography key={f.flag} variant="body2" sx={{ mt: 1, color: 'warning.dark' }}>
                                ⚠ {f.explanation}
                            </Typography>
                        ))}
                        {o.moderationComment && (
                            <Typography variant="body2" sx={{ mt: 1 }}>
                                Message de l’équipe : {o.moderationComment}
                            </Typography>
                        )}
                    </Paper>
                ))}
            </Stack>
            <Paper variant="outlined" sx={{ p: { xs: 2, sm: 3 } }} component="form" onSubmit={e => (e.preventDefault(), void add())}>
                <Typography variant="h6" component="h2" gutterBottom>
                    Ajouter une offre
                </Typography>
                <Stack spacing={2}>
                    <TextField select name="serviceId" label="Service du référentiel national" required value={draft.serviceId} onChange={e => setDraft({ ...draft, serviceId: e.target.value })} error={!!errors.serviceId} helperText={errors.serviceId?.join(' ; ') ?? ' '}>
                        {referential.flatMap(c => c.services.map(s => (
                            <MenuItem key={s.id} value={s.id}>
                                {c.label} — {s.label}
                            </MenuItem>
                        )))}
                    </TextField>
                    <TextField name="title" label="Intitulé de votre offre" required value={draft.title} onChange={e => setDraft({ ...draft, title: e.target.value })} error={!!errors.title} helperText={errors.title?.join(' ; ') ?? ' '} />
                    <Stack direction="row" spacing={2}>
                        <TextField name="price" label="Prix (€)" required value={draft.price} onChange={e => setDraft({ ...draft, price: e.target.value })} error={!!errors.priceCents} helperText={errors.priceCents?.join(' ; ') ?? '10 € = 1 pass'} slotProps={{ htmlInput: { inputMode: 'decimal' } }} />
                        <TextField name="duration" label="Durée (min)" required value={draft.duration} onChange={e => setDraft({ ...draft, duration: e.target.value })} error={!!errors.durationMinutes} helperText={errors.durationMinutes?.join(' ; ') ?? ' '} slotProps={{ htmlInput: { inputMode: 'numeric' } }} />
                    </Stack>
                    {message && <Alert severity={message.ok ? 'success' : 'error'}>{message.text}</Alert>}
                    <Box>
                        <Button type="submit" variant="contained">
                            Ajouter l’offre
                        </Button>
                    </Box>
                </Stack>
            </Paper>
        </Stack>
    );
};

/** The structure's redemptions, newest first, with each pass accepted or refused. */
export const HistoryPage = ({ api }: { api: ApticClient }) => {
    const [rows, setRows] = useState<Redemption[] | null>(null);
    useEffect(() => void api.GET('/api/partner/redemptions', { params: { query: { limit: '50' } } }).then(({ data }) => setRows(data ?? [])), [api]);
    if (rows === null) return <CircularProgress aria-label="Chargement des passages" />;
    if (rows.length === 0) return <Alert severity="info">Aucun passage pour l’instant : les pass scannés apparaîtront ici.</Alert>;
    return (
        <Stack spacing={1.5} role="list" aria-label="Passages">
            {rows.map(r => (
                <Paper key={r.id} variant="outlined" sx={{ p: 1.5, borderLeft: 4, borderLeftColor: r.status === 'ACCEPTED' ? 'success.main' : 'error.main' }} role="listitem">
                    <Stack direction="row" sx={{ justifyContent: 'space-between', gap: 1 }}>
                        <Typography variant="body2" color="text.secondary">
                            {dateTime(r.createdAt)}
                        </Typography>
                        <Typography variant="body2" sx={{ fontWeight: 500, color: r.status === 'ACCEPTED' ? 'success.dark' : 'error.main' }}>
                            {r.status === 'ACCEPTED' ? formatEuros(r.totalValueCents) : 'Refusé'}
                        </Typography>
                    </Stack>
                    <Typography sx={{ fontWeight: 500 }}>{r.offerTitle ?? '—'}</Typography>
                    {r.scans.map(s => (
                        <Box key={s.barcode} sx={{ fontSize: 14, color: s.outcome === 'ACCEPTED' ? 'success.dark' : 'error.main', overflowWrap: 'anywhere' }}>
                            <Box component="span" sx={{ fontFamily: 'monospace' }}>{s.barcode}</Box> — {s.outcome === 'ACCEPTED' ? 'accepté' : (s.reasonLabel ?? 'non encaissé')}
                            {s.voided && ' (annulé)'}
                        </Box>
                    ))}
                </Paper>
            ))}
        </Stack>
    );
};

const PLAN_LABELS: Record<Kit['plan'], string> = { MONTHLY: 'Mensuel', ANNUAL: 'Annuel' };

/** The kit subscription: its state and fees due, or ordering one. */
export const KitPage = ({ api }: { api: ApticClient }) => {
    const [kit, setKit] = useState<Kit | null | undefined>(undefined);
    const [refusal, setRefusal] = useState<string | null>(null);
    const load = useCallback(() => void api.GET('/api/partner/subscription').then(({ data }) => setKit(data ?? null)), [api]);
    useEffect(load, [load]);
    const order = async (plan: Kit['plan']) => {
        const { data, error } = await api.POST('/api/partner/subscription', { body: { plan } });
        if (data) return setKit(data);
        setRefusal(messageOf(error));
    };
    if (kit === undefined) return <CircularProgress aria-label="Chargement du kit" />;
    const open = kit && (kit.status === 'PENDING' || kit.status === 'ACTIVE');
    return (
        <Stack spacing={2}>
            {kit && (
                <Paper variant="outlined" sx={{ p: 2 }}>
                    <Typography sx={{ fontWeight: 500 }}>
                        Kit {PLAN_LABELS[kit.plan].toLowerCase()} — {kit.status === 'PENDING' ? 'commandé, facturé à partir du premier pass accepté' : kit.status === 'ACTIVE' ? 'actif' : 'terminé'}
                    </Typography>
                    <Typography variant="body2" color="text.secondary">
                        {formatEuros(kit.feeCents)} TTC par {kit.plan === 'MONTHLY' ? 'mois' : 'an'}
                        {kit.startedAt ? ` · depuis le ${new Date(kit.startedAt).toLocaleDateString('fr-FR', { timeZone: 'UTC' })}` : ''} · dû à ce jour : {formatEuros(kit.feesDueCents)}
                    </Typography>
                </Paper>
            )}
            {!open && (
                <Paper variant="outlined" sx={{ p: 2 }}>
                    <Typography gutterBottom>Sans kit, les pass présentés sont refusés. Choisissez votre formule :</Typography>
                    <Stack direction="row" spacing={2}>
                        <Button variant="contained" onClick={() => void order('MONTHLY')}>
                            Commander le kit mensuel
                        </Button>
                        <Button variant="outlined" onClick={() => void order('ANNUAL')}>
                            Kit annuel
                        </Button>
                    </Stack>
                </Paper>
            )}
            {refusal && <Alert severity="error">{refusal}</Alert>}
        </Stack>
    );
};

/** Monthly statements: there once the month's endorsement exists. */
export const StatementsPage = () => (
    <Alert severity="info">
        Vos relevés mensuels (pass encaissés, frais, montant versé) apparaîtront ici, en PDF, dès la première clôture mensuelle par l’équipe APTIC.
    </Alert>
);
