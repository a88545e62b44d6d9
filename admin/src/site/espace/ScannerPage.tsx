import { useEffect, useRef, useState } from 'react';
import {
    Alert,
    Box,
    Button,
    Chip,
    CircularProgress,
    IconButton,
    List,
    ListItem,
    ListItemText,
    MenuItem,
    Paper,
    Stack,
    TextField,
    Typography,
} from '@mui/material';
import DeleteIcon from '@mui/icons-material/Delete';
import { formatEuros } from '../../../../server/src/rules/money';
import type { ApticClient } from '../api/client';
import type { components } from '../api/openapi';
import { messageOf } from '../common/fieldErrors';
import { addRead, keyFor, type PendingSend, type ReadBarcode } from './scanList';

type Offer = components['schemas']['PartnerOfferAnswerDto'];
type ScanAnswer = components['schemas']['ScanAnswerDto'];
export type Place = components['schemas']['PartnerLocationDto'];
/** What this browser remembers of the scanner between visits: the last service and place chosen. */
const LAST_SERVICE = 'aptic.espace.lastService';
const LAST_PLACE = 'aptic.espace.lastPlace';
interface Outcome {
    accepted: boolean;
    message: string;
    scans: ScanAnswer[];
}


/** A new Idempotency-Key: randomUUID where the browser has it (HTTPS, localhost), else 122 random bits as a UUID v4. */
function newIdempotencyKey(): string {
    if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
    const b = crypto.getRandomValues(new Uint8Array(16));
    b[6] = (b[6] & 0x0f) | 0x40;
    b[8] = (b[8] & 0x3f) | 0x80;
    const hex = [...b].map(x => x.toString(16).padStart(2, '0')).join('');
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** A short tone: high for an accepted act, low for a refusal (no file to load; silent where audio is not allowed). */
function beep(accepted: boolean) {
    try {
        const audio = new AudioContext();
        const tone = audio.createOscillator();
        const gain = audio.createGain();
        tone.frequency.value = accepted ? 880 : 220;
        gain.gain.value = 0.15;
        tone.connect(gain).connect(audio.destination);
        tone.start();
        tone.stop(audio.currentTime + (accepted ? 0.15 : 0.45));
        tone.onended = () => void audio.close();
    } catch {
        // no audio here
    }
}

/**
 * Scanner des pass: pick the service, read the passes (a USB reader types 13 digits and Enter into
 * the field), check them, "Valider" sends one redemption with an Idempotency-Key kept until an
 * answer arrives: after a network failure, "Réessayer" resends the same act and nothing is paid twice.
 */
export const ScannerPage = ({ api, places }: { api: ApticClient; places: Place[] }) => {
    const [offers, setOffers] = useState<Offer[] | null>(null);
    const [offerId, setOfferId] = useState('');
    const [locationId, setLocationId] = useState(places.length === 1 ? places[0].id : '');
    const [reads, setReads] = useState<ReadBarcode[]>([]);
    const [typed, setTyped] = useState('');
    const [notice, setNotice] = useState<string | null>(null);
    const [pending, setPending] = useState<PendingSend | null>(null);
    const [sending, setSending] = useState(false);
    const [lost, setLost] = useState(false);
    const [refusal, setRefusal] = useState<string | null>(null);
    const [outcome, setOutcome] = useState<Outcome | null>(null);
    const input = useRef<HTMLInputElement>(null);

    const [loadError, setLoadError] = useState<string | null>(null);
    const loadOffers = () => {
        setLoadError(null);
        api.GET('/api/partner/offers').then(
            ({ data, error }) => {
                if (!data) return setLoadError(messageOf(error));
                const approved = data.filter(o => o.status === 'APPROVED');
                setOffers(approved);
                // The service chosen last in this browser (a counter scans the same one all day), or the only one.
                const last = approved.find(o => o.id === localStorage.getItem(LAST_SERVICE));
                if (last) {
                    setOfferId(last.id);
                    const place = localStorage.getItem(LAST_PLACE);
                    if (place !== null && (place === '' || places.some(p => p.id === place))) setLocationId(place);
                } else if (approved.length === 1) chooseOffer(approved[0]);
            },
            () => setLoadError(messageOf(null))
        );
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
    useEffect(loadOffers, [api]);

    /** The service, and its place when the offer names one (a place the structure still has). */
    const chooseOffer = (offer: Offer | undefined) => {
        setOfferId(offer?.id ?? '');
        if (offer) localStorage.setItem(LAST_SERVICE, offer.id);
        if (offer?.locationId && places.some(p => p.id === offer.locationId)) choosePlace(offer.locationId);
        setOutcome(null);
    };
    const choosePlace = (id: string) => {
        setLocationId(id);
        localStorage.setItem(LAST_PLACE, id);
    };

    /** An act sent and not answered yet (in flight, or its answer lost): nothing about it may change until it is. */
    const awaiting = sending || lost;

    const read = (raw: string) => {
        setTyped('');
        if (awaiting) {
            setNotice(lost ? 'Ce passage attend encore sa réponse : appuyez sur « Réessayer » avant de lire un autre pass.' : 'Envoi en cours : lisez le pass suivant dans un instant.');
            return;
        }
        // A pass read after an answer starts the next service act.
        if (outcome) setPending(null);
        const { list, outcome: added } = addRead(outcome ? [] : reads, raw);
        setReads(list);
        setNotice(added === 'duplicate' ? 'Ce pass est déjà dans la liste.' : added === 'full' ? '20 pass au plus par passage : validez celui-ci d’abord.' : null);
        setOutcome(null);
        input.current?.focus();
    };

    const send = async () => {
        if (!offerId || reads.length === 0 || sending) return;
        setSending(true);
        setRefusal(null);
        setNotice(null);
        try {
            const act = keyFor(pending, { offerId, locationId: locationId || null, barcodes: reads.map(r => r.barcode) }, newIdempotencyKey);
            setPending(act);
            const { data, error, response } = await api.POST('/api/partner/redemptions', {
                params: { header: { 'Idempotency-Key': act.key } },
                body: { offerId: act.offerId, barcodes: act.barcodes, ...(act.locationId ? { locationId: act.locationId } : {}) },
            });
            // A server or gateway failure, or too many requests: maybe done, maybe not. The same key makes the retry safe.
            if (response.status >= 500 || response.status === 429) {
                setLost(true);
                return;
            }
            // An answer came: this act is settled, the next one gets a new key.
            setPending(null);
            setLost(false);
            if (data) {
                setOutcome({ accepted: true, message: data.message, scans: data.scans });
                beep(true);
            } else if (response.status === 422 && error && 'details' in error && error.details && 'scans' in error.details) {
                const refused = error as components['schemas']['RedemptionRefusedDto'];
                setOutcome({ accepted: false, message: refused.message, scans: refused.details.scans ?? [] });
                beep(false);
            } else {
                setRefusal(messageOf(error));
                beep(false);
            }
        } catch {
            // No answer: maybe paid, maybe not. The same key makes the retry safe.
            setLost(true);
        } finally {
            setSending(false);
            // A reader types into the focused field: give it back after a click on the button.
            input.current?.focus();
        }
    };

    /** Gives up an act whose answer was lost: the person checks « Passages » to know whether it was paid. */
    const abandon = () => {
        setLost(false);
        setPending(null);
        setReads([]);
        setNotice('Passage abandonné : vérifiez dans l’onglet « Passages » s’il a été encaissé avant de scanner ces pass à nouveau.');
        input.current?.focus();
    };

    const nextAct = () => {
        if (awaiting) return;
        setReads([]);
        setOutcome(null);
        setRefusal(null);
        setPending(null);
        input.current?.focus();
    };

    if (loadError)
        return (
            <Alert severity="error" action={<Button color="inherit" onClick={loadOffers}>Réessayer</Button>}>
                {loadError}
            </Alert>
        );
    if (offers === null) return <CircularProgress aria-label="Chargement des services" />;
    if (offers.length === 0)
        return <Alert severity="info">Aucun service approuvé dans votre catalogue : ajoutez une offre dans l’onglet « Catalogue » ; elle pourra être scannée une fois approuvée.</Alert>;

    const answerOf = (barcode: string) => outcome?.scans.find(s => s.barcode === barcode);
    return (
        <Stack spacing={2}>
            <Paper variant="outlined" sx={{ p: { xs: 2, sm: 3 } }}>
                <Stack spacing={2}>
                    <TextField select label="Service rendu" value={offerId} disabled={awaiting} onChange={e => chooseOffer(offers.find(o => o.id === e.target.value))} name="offerId" required>
                        {offers.map(o => (
                            <MenuItem key={o.id} value={o.id}>
                                {o.title} — {formatEuros(o.priceCents)}
                            </MenuItem>
                        ))}
                    </TextField>
                    {places.length > 0 && (
                        <TextField select label="Lieu du service" value={locationId} disabled={awaiting} slotProps={{ select: { displayEmpty: true }, inputLabel: { shrink: true } }} onChange={e => (choosePlace(e.target.value), setOutcome(null))} name="locationId">
                            <MenuItem value="">Lieu non précisé</MenuItem>
                            {places.map(p => (
                                <MenuItem key={p.id} value={p.id}>
                                    {p.name} — {p.city}
                                </MenuItem>
                            ))}
                        </TextField>
                    )}
                    <TextField
                        inputRef={input}
                        label="Code-barres du pass"
                        helperText={notice ?? 'Scannez le pass (ou tapez ses 13 chiffres puis Entrée)'}
                        error={notice !== null}
                        value={typed}
                        autoFocus
                        autoComplete="off"
                        slotProps={{ htmlInput: { inputMode: 'numeric', 'data-field': 'barcode', enterKeyHint: 'enter' } }}
                        onChange={e => setTyped(e.target.value)}
                        onKeyDown={e => {
                            if (e.key === 'Enter') {
                                e.preventDefault();
                                read(typed);
                            }
                        }}
                    />
                </Stack>
            </Paper>
            {reads.length > 0 && (
                <Paper variant="outlined">
                    <List dense aria-label="Pass lus">
                        {reads.map(r => {
                            const answer = answerOf(r.barcode);
                            const color = answer ? (answer.outcome === 'ACCEPTED' ? 'success.main' : 'error.main') : undefined;
                            return (
                                <ListItem
                                    key={r.barcode}
                                    data-barcode={r.barcode}
                                    data-outcome={answer?.outcome ?? ''}
                                    sx={{ borderLeft: 4, borderColor: color ?? 'transparent', bgcolor: answer ? (answer.outcome === 'ACCEPTED' ? '#edf7ed' : '#fdeded') : undefined }}
                                    secondaryAction={
                                        !outcome && !awaiting && (
                                            <IconButton edge="end" aria-label={`Retirer ${r.barcode}`} onClick={() => setReads(reads.filter(x => x.barcode !== r.barcode))}>
                                                <DeleteIcon />
                                            </IconButton>
                                        )
                                    }
                                >
                                    <ListItemText
                                        primary={<Box component="span" sx={{ fontFamily: 'monospace', fontSize: 16 }}>{r.barcode}</Box>}
                                        secondary={
                                            answer ? (
                                                <Box component="span" sx={{ color, fontWeight: 500 }}>
                                                    {answer.outcome === 'ACCEPTED' ? `Accepté — ${formatEuros(answer.valueCents)}` : answer.message}
                                                </Box>
                                            ) : r.wellFormed ? (
                                                'Clé de contrôle correcte'
                                            ) : (
                                                <Box component="span" sx={{ color: 'warning.dark' }}>
                                                    Clé de contrôle incorrecte : vérifiez le code (il sera refusé)
                                                </Box>
                                            )
                                        }
                                    />
                                </ListItem>
                            );
                        })}
                    </List>
                </Paper>
            )}
            {outcome && (
                <Alert severity={outcome.accepted ? 'success' : 'error'} role="status" sx={{ fontSize: 18 }}>
                    {outcome.message}
                </Alert>
            )}
            {lost && (
                <Alert severity="warning" role="alert">
                    Pas de réponse du serveur : ce passage a peut-être été encaissé, peut-être pas. Appuyez sur « Réessayer » : il sera renvoyé tel quel, sans
                    risque d’encaisser deux fois.
                </Alert>
            )}
            {refusal && (
                <Alert severity="error" role="alert">
                    {refusal}
                </Alert>
            )}
            <Stack direction="row" spacing={2} sx={{ flexWrap: 'wrap' }}>
                {outcome ? (
                    <Button variant="contained" size="large" onClick={nextAct}>
                        Nouveau passage
                    </Button>
                ) : (
                    <Button
                        variant="contained"
                        size="large"
                        disabled={sending || reads.length === 0 || !offerId}
                        onClick={() => void send()}
                        startIcon={sending ? <CircularProgress size={18} color="inherit" /> : undefined}
                    >
                        {lost ? 'Réessayer' : `Valider${reads.length ? ` (${reads.length} pass)` : ''}`}
                    </Button>
                )}
                {!outcome && reads.length > 0 && !awaiting && (
                    <Button onClick={nextAct} color="inherit">
                        Tout effacer
                    </Button>
                )}
                {lost && !sending && (
                    <Button onClick={abandon} color="inherit">
                        Abandonner ce passage
                    </Button>
                )}
                {pending && <Chip size="small" variant="outlined" label={`Passage n° ${pending.key.slice(0, 8)}`} title="Identifiant du passage (Idempotency-Key), gardé jusqu’à la réponse" />}
            </Stack>
            {reads.length === 0 && !outcome && (
                <Typography variant="body2" color="text.secondary">
                    Un passage = un service rendu : scannez tous les pass présentés pour ce service, puis validez. Deux pass d’un même carnet ne peuvent pas payer
                    le même service.
                </Typography>
            )}
        </Stack>
    );
};
