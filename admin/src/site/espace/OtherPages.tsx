import { useState } from 'react';
import { Alert, Box, Button, Chip, CircularProgress, MenuItem, Paper, Stack, TextField, Typography } from '@mui/material';
import { formatEuros } from '../../../../server/src/rules/money';
import { PLAN_LABELS } from '../../../../server/src/rules/kit-plans';
import type { ApticClient } from '../api/client';
import type { components } from '../api/openapi';
import { fieldErrorsOf, messageOf, type FieldErrors } from '../common/fieldErrors';
import { useLoad } from '../common/useLoad';
import { saveBlob } from '../../common/saveBlob';
import type { Place } from './ScannerPage';

type Offer = components['schemas']['PartnerOfferAnswerDto'];
type Kit = components['schemas']['KitDto'];
type Category = components['schemas']['ReferentialCategoryDto'];

const dateTime = (iso: string) => new Date(iso).toLocaleString('fr-FR', { timeZone: 'Europe/Paris', dateStyle: 'short', timeStyle: 'short' });

const OFFER_STATUS: Record<Offer['status'], { label: string; color: 'success' | 'warning' | 'error' | 'info' }> = {
    APPROVED: { label: 'Approuvée : peut être scannée', color: 'success' },
    PENDING_REVIEW: { label: 'En attente de l’équipe APTIC', color: 'info' },
    CHANGES_REQUESTED: { label: 'Modifications demandées', color: 'warning' },
    REJECTED: { label: 'Refusée', color: 'error' },
};

interface OfferDraft {
    serviceId: string;
    title: string;
    price: string;
    duration: string;
    locationId: string;
}
const EMPTY_DRAFT: OfferDraft = { serviceId: '', title: '', price: '10', duration: '60', locationId: '' };
const draftOf = (o: Offer): OfferDraft => ({
    serviceId: o.serviceId,
    title: o.title,
    price: (o.priceCents / 100).toFixed(2).replace('.', ',').replace(/,00$/, ''),
    duration: String(o.durationMinutes),
    locationId: o.locationId ?? '',
});
/**
 * The draft as the API's body, or what is wrong with it. Price and duration are read here, as the
 * person wrote them ("12,50" €, "90" minutes); every other rule is the server's, shown on its field.
 */
function bodyOf(d: OfferDraft): { body: components['schemas']['PartnerOfferDto'] } | { errors: FieldErrors } {
    const errors: FieldErrors = {};
    const price = d.price.trim().replace(/\s|€/g, '');
    if (!/^\d{1,6}([.,]\d{1,2})?$/.test(price)) errors.priceCents = ['un montant en euros, par exemple 10 ou 12,50'];
    if (!/^\d{1,4}$/.test(d.duration.trim())) errors.durationMinutes = ['un nombre entier de minutes, par exemple 60'];
    if (Object.keys(errors).length > 0) return { errors };
    return {
        body: {
            serviceId: d.serviceId,
            title: d.title,
            priceCents: Math.round(Number(price.replace(',', '.')) * 100),
            durationMinutes: Number(d.duration.trim()),
            ...(d.locationId ? { locationId: d.locationId } : {}),
        },
    };
}
/** A refusal's message: the fields in red say what is wrong, when the server named them. */
const refusalOf = (error: unknown, errors: FieldErrors) => ({ ok: false, text: Object.keys(errors).length > 0 ? 'Vérifiez les champs signalés en rouge.' : messageOf(error) });
const outcomeOf = (o: Offer, verb: string) =>
    o.status === 'APPROVED' ? `« ${o.title} » est ${verb} et approuvée : vous pouvez la scanner.` : `« ${o.title} » est ${verb} : elle attend l’examen de l’équipe APTIC.`;

/** The form of an offer, new or changed: the referential service, title, price, duration, place. */
const OfferForm = ({ title, submitLabel, draft, setDraft, referential, places, errors, message, onSubmit, onCancel, placeRequired, busy }: {
    title: string;
    busy: boolean;
    submitLabel: string;
    draft: OfferDraft;
    setDraft: (d: OfferDraft) => void;
    referential: Category[];
    places: Place[];
    errors: FieldErrors;
    message: { ok: boolean; text: string } | null;
    onSubmit: () => void;
    onCancel?: () => void;
    /** A place once given can be changed, not removed. */
    placeRequired: boolean;
}) => (
    <Paper variant="outlined" sx={{ p: { xs: 2, sm: 3 } }} component="form" aria-label={title} onSubmit={e => (e.preventDefault(), onSubmit())}>
        <Typography variant="h6" component="h2" gutterBottom>
            {title}
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
            {places.length > 0 && (
                <TextField select name="locationId" label="Lieu" value={draft.locationId} slotProps={{ select: { displayEmpty: true }, inputLabel: { shrink: true } }} onChange={e => setDraft({ ...draft, locationId: e.target.value })} error={!!errors.locationId} helperText={errors.locationId?.join(' ; ') ?? 'Où le service est rendu'}>
                    {!placeRequired && <MenuItem value="">Tous vos lieux</MenuItem>}
                    {places.map(p => (
                        <MenuItem key={p.id} value={p.id}>
                            {p.name} — {p.city}
                        </MenuItem>
                    ))}
                </TextField>
            )}
            {message && <Alert severity={message.ok ? 'success' : 'error'}>{message.text}</Alert>}
            <Stack direction="row" spacing={2}>
                <Button type="submit" variant="contained" disabled={busy}>
                    {submitLabel}
                </Button>
                {onCancel && (
                    <Button onClick={onCancel} color="inherit">
                        Annuler
                    </Button>
                )}
            </Stack>
        </Stack>
    </Paper>
);

/** The catalogue: each offer with its moderation state and its flags in words; a new offer; changing one. */
export const CataloguePage = ({ api, places }: { api: ApticClient; places: Place[] }) => {
    const offers = useLoad(() => api.GET('/api/partner/offers'), [api]);
    const referential = useLoad(() => api.GET('/api/public/referential'), [api]);
    const [draft, setDraft] = useState<OfferDraft>(EMPTY_DRAFT);
    const [errors, setErrors] = useState<FieldErrors>({});
    const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
    /** A submission in flight: a second click does not send the offer twice. */
    const [busy, setBusy] = useState(false);
    /** The offer being changed, its form's values and what the server said of them. */
    const [editing, setEditing] = useState<{ offer: Offer; draft: OfferDraft; errors: FieldErrors; message: { ok: boolean; text: string } | null } | null>(null);

    const add = async () => {
        if (busy) return;
        setMessage(null);
        const checked = bodyOf(draft);
        if ('errors' in checked) return (setErrors(checked.errors), setMessage(refusalOf(null, checked.errors)));
        setBusy(true);
        try {
            const { data, error } = await api.POST('/api/partner/offers', { body: checked.body });
            if (!data) {
                const fields = fieldErrorsOf(error);
                setErrors(fields);
                return setMessage(refusalOf(error, fields));
            }
            setErrors({});
            setDraft(EMPTY_DRAFT);
            setMessage({ ok: true, text: data.status === 'APPROVED' ? `« ${data.title} » est approuvée : vous pouvez la scanner.` : `« ${data.title} » attend l’examen de l’équipe APTIC.` });
            offers.reload();
        } catch {
            setMessage(refusalOf(null, {}));
        } finally {
            setBusy(false);
        }
    };

    const save = async () => {
        if (!editing || busy) return;
        const id = editing.offer.id;
        // Only the form of this offer, if it is still open: the person may have cancelled meanwhile.
        const answer = (errors: FieldErrors, message: { ok: boolean; text: string }) => setEditing(e => (e?.offer.id === id ? { ...e, errors, message } : e));
        const checked = bodyOf(editing.draft);
        if ('errors' in checked) return answer(checked.errors, refusalOf(null, checked.errors));
        setBusy(true);
        try {
            const { data, error } = await api.PUT('/api/partner/offers/{id}', { params: { path: { id } }, body: checked.body });
            if (!data) {
                const fields = fieldErrorsOf(error);
                return answer(fields, refusalOf(error, fields));
            }
            setEditing(e => (e?.offer.id === id ? null : e));
            setMessage({ ok: true, text: outcomeOf(data, 'modifiée') });
            offers.reload();
        } catch {
            answer({}, refusalOf(null, {}));
        } finally {
            setBusy(false);
        }
    };

    const failed = offers.error ?? referential.error;
    if (failed)
        return (
            <Alert severity="error" action={<Button color="inherit" onClick={() => (offers.reload(), referential.reload())}>Réessayer</Button>}>
                {failed}
            </Alert>
        );
    if (offers.value === undefined || referential.value === undefined) return <CircularProgress aria-label="Chargement du catalogue" />;
    const list = offers.value;
    const services = referential.value;
    return (
        <Stack spacing={3}>
            <Stack spacing={1.5}>
                {list.length === 0 && <Alert severity="info">Votre catalogue est vide : ajoutez votre première offre ci-dessous.</Alert>}
                {list.map(o =>
                    editing?.offer.id === o.id ? (
                        <OfferForm
                            key={o.id}
                            title={`Modifier « ${o.title} »`}
                            submitLabel="Enregistrer les modifications"
                            draft={editing.draft}
                            setDraft={d => setEditing(e => (e ? { ...e, draft: d } : e))}
                            referential={services}
                            busy={busy}
                            places={places}
                            errors={editing.errors}
                            message={editing.message ?? (o.status === 'APPROVED' ? { ok: true, text: 'Un nouveau prix ou un autre service du référentiel repasse les contrôles : l’offre peut alors attendre l’examen de l’équipe APTIC.' } : null)}
                            onSubmit={() => void save()}
                            onCancel={() => setEditing(null)}
                            placeRequired={!!o.locationId}
                        />
                    ) : (
                        <Paper key={o.id} variant="outlined" sx={{ p: 2 }} data-offer={o.title}>
                            <Stack direction={{ xs: 'column', sm: 'row' }} spacing={1} sx={{ justifyContent: 'space-between', alignItems: { sm: 'center' } }}>
                                <Box>
                                    <Typography sx={{ fontWeight: 500 }}>{o.title}</Typography>
                                    <Typography variant="body2" color="text.secondary">
                                        {formatEuros(o.priceCents)} · {o.durationMinutes} min
                                        {o.locationId && places.find(p => p.id === o.locationId) ? ` · ${places.find(p => p.id === o.locationId)!.name}` : ''}
                                    </Typography>
                                </Box>
                                <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
                                    <Chip label={OFFER_STATUS[o.status].label} color={OFFER_STATUS[o.status].color} size="small" />
                                    {o.status !== 'REJECTED' && (
                                        <Button size="small" aria-label={`Modifier « ${o.title} »`} onClick={() => (setMessage(null), setEditing({ offer: o, draft: draftOf(o), errors: {}, message: null }))}>
                                            Modifier
                                        </Button>
                                    )}
                                </Stack>
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
                    )
                )}
            </Stack>
            <OfferForm
                title="Ajouter une offre"
                submitLabel="Ajouter l’offre"
                draft={draft}
                setDraft={setDraft}
                referential={services}
                busy={busy}
                places={places}
                errors={errors}
                message={message}
                onSubmit={() => void add()}
                placeRequired={false}
            />
        </Stack>
    );
};

/** The structure's redemptions, newest first, with each pass accepted or refused. */
export const HistoryPage = ({ api }: { api: ApticClient }) => {
    const history = useLoad(() => api.GET('/api/partner/redemptions', { params: { query: { limit: '50' } } }), [api]);
    if (history.error) return <LoadFailed message={history.error} retry={history.reload} />;
    const rows = history.value;
    if (rows === undefined) return <CircularProgress aria-label="Chargement des passages" />;
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

/** A page whose data could not be read: why, and a way to try again. */
export const LoadFailed = ({ message, retry }: { message: string; retry: () => void }) => (
    <Alert severity="error" action={<Button color="inherit" onClick={retry}>Réessayer</Button>}>
        {message}
    </Alert>
);

/** The kit subscription: its state and fees due, or ordering one (each formula with its price). */
export const KitPage = ({ api }: { api: ApticClient }) => {
    const current = useLoad(() => api.GET('/api/partner/subscription'), [api]);
    const plans = useLoad(() => api.GET('/api/partner/subscription/plans'), [api]);
    const [ordered, setOrdered] = useState<Kit | null>(null);
    const [refusal, setRefusal] = useState<string | null>(null);
    const [busy, setBusy] = useState(false);
    const order = async (plan: Kit['plan']) => {
        if (busy) return;
        setBusy(true);
        setRefusal(null);
        try {
            const { data, error } = await api.POST('/api/partner/subscription', { body: { plan } });
            if (data) setOrdered(data);
            else setRefusal(messageOf(error));
        } catch {
            setRefusal(messageOf(null));
        } finally {
            setBusy(false);
        }
    };
    const failed = current.error ?? plans.error;
    if (failed) return <LoadFailed message={failed} retry={() => (current.reload(), plans.reload())} />;
    if (current.value === undefined || plans.value === undefined) return <CircularProgress aria-label="Chargement du kit" />;
    // null: never ordered (the API's JSON null).
    const kit = ordered ?? current.value;
    const open = kit && (kit.status === 'PENDING' || kit.status === 'ACTIVE');
    return (
        <Stack spacing={2}>
            {kit && (
                <Paper variant="outlined" sx={{ p: 2 }}>
                    <Typography sx={{ fontWeight: 500 }}>
                        Kit, formule {PLAN_LABELS[kit.plan]} — {kit.status === 'PENDING' ? 'commandé, facturé à partir du premier pass accepté' : kit.status === 'ACTIVE' ? 'actif' : 'terminé'}
                    </Typography>
                    <Typography variant="body2" color="text.secondary">
                        {formatEuros(kit.feeCents)} TTC par {kit.plan === 'MONTHLY' ? 'mois' : 'an'}
                        {kit.startedAt ? ` · depuis le ${new Date(kit.startedAt).toLocaleDateString('fr-FR', { timeZone: 'UTC' })}` : ''} · dû à ce jour : {formatEuros(kit.feesDueCents)}
                    </Typography>
                </Paper>
            )}
            {!open && (
                <Paper variant="outlined" sx={{ p: 2 }}>
                    <Typography gutterBottom>Sans kit, les pass présentés sont refusés. Le kit est facturé à partir du premier pass accepté. Choisissez votre formule :</Typography>
                    <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2}>
                        {plans.value.map(p => (
                            <Button key={p.plan} variant={p.plan === 'MONTHLY' ? 'contained' : 'outlined'} disabled={busy} onClick={() => void order(p.plan)}>
                                Commander le kit, formule {PLAN_LABELS[p.plan]} — {formatEuros(p.feeCents)} TTC par {p.plan === 'MONTHLY' ? 'mois' : 'an'}
                            </Button>
                        ))}
                    </Stack>
                </Paper>
            )}
            {refusal && <Alert severity="error">{refusal}</Alert>}
        </Stack>
    );
};

type Statement = components['schemas']['PartnerStatementDto'];
const monthLabel = (period: string) => new Date(`${period}-15T12:00:00Z`).toLocaleDateString('fr-FR', { month: 'long', year: 'numeric', timeZone: 'UTC' });

/** Monthly statements, once their month is closed: figures, and the PDF (fetched with the key, then saved). */
export const StatementsPage = ({ api }: { api: ApticClient }) => {
    const statements = useLoad(() => api.GET('/api/partner/statements'), [api]);
    const [refusal, setRefusal] = useState<string | null>(null);
    const download = async (s: Statement) => {
        setRefusal(null);
        try {
            const { data, error } = await api.GET('/api/partner/statements/{id}/pdf', { params: { path: { id: s.id } }, parseAs: 'blob' });
            if (!data) return setRefusal(messageOf(error));
            saveBlob(data as Blob, `releve-${s.number}.pdf`);
        } catch {
            setRefusal(messageOf(null));
        }
    };
    if (statements.error) return <LoadFailed message={statements.error} retry={statements.reload} />;
    if (statements.value === undefined) return <CircularProgress aria-label="Chargement des relevés" />;
    if (statements.value.length === 0)
        return (
            <Alert severity="info">
                Vos relevés mensuels (pass encaissés, frais, montant versé) apparaîtront ici, en PDF, dès la première clôture mensuelle par l’équipe APTIC.
            </Alert>
        );
    return (
        <Stack spacing={1.5} role="list" aria-label="Relevés">
            {refusal && <Alert severity="error">{refusal}</Alert>}
            {statements.value.map(s => (
                <Paper key={s.id} variant="outlined" sx={{ p: 2 }} role="listitem" data-statement={s.number}>
                    <Stack direction={{ xs: 'column', sm: 'row' }} spacing={1} sx={{ justifyContent: 'space-between', alignItems: { sm: 'center' } }}>
                        <Box>
                            <Typography sx={{ fontWeight: 500, textTransform: 'capitalize' }}>{monthLabel(s.period)}</Typography>
                            <Typography variant="body2" color="text.secondary">
                                Relevé n° {s.number} · {s.passCount} pass · brut {formatEuros(s.grossCents)} · frais {formatEuros(s.feeCents)}
                                {s.subscriptionCents ? ` · kit ${formatEuros(s.subscriptionCents)}` : ''}
                                {s.adjustmentsCents ? ` · régularisations ${formatEuros(-s.adjustmentsCents)} (détail dans le PDF)` : ''}
                                {s.carriedCents ? ` · report ${formatEuros(s.carriedCents)}` : ''}
                            </Typography>
                            <Typography variant="body2" sx={{ fontWeight: 500, color: s.payableCents > 0 ? 'success.dark' : 'warning.dark' }}>
                                {s.payableCents > 0
                                    ? `${formatEuros(s.payableCents)} ${s.paidAt ? `versés le ${new Date(s.paidAt).toLocaleDateString('fr-FR', { timeZone: 'Europe/Paris' })}` : 'à verser par virement'}`
                                    : `Solde de ${formatEuros(s.netCents)} reporté sur le prochain relevé`}
                            </Typography>
                        </Box>
                        <Box>
                            <Button variant="outlined" onClick={() => void download(s)} aria-label={`Télécharger le relevé ${s.number} (PDF)`}>
                                PDF
                            </Button>
                        </Box>
                    </Stack>
                </Paper>
            ))}
        </Stack>
    );
};
