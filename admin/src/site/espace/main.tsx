import { StrictMode, useEffect, useMemo, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { Alert, Box, Button, CircularProgress, Paper, Stack, Tab, Tabs, TextField, Typography } from '@mui/material';
import { apticClient, type ApticClient } from '../api/client';
import type { components } from '../api/openapi';
import { messageOf } from '../common/fieldErrors';
import { SitePage } from '../common/SitePage';
import { CataloguePage, HistoryPage, KitPage, LoadFailed, StatementsPage } from './OtherPages';
import { useLoad } from '../common/useLoad';
import { ScannerPage } from './ScannerPage';

type Me = components['schemas']['PartnerMeDto'];

/** Where this browser keeps the structure's key, until "Se déconnecter". */
const KEY_STORAGE = 'aptic.espace.partnerKey';
const PAGES = [
    { path: 'scanner', label: 'Scanner des pass' },
    { path: 'catalogue', label: 'Catalogue' },
    { path: 'passages', label: 'Passages' },
    { path: 'kit', label: 'Kit' },
    { path: 'releves', label: 'Relevés' },
] as const;
type PagePath = (typeof PAGES)[number]['path'];

const pageOfHash = (): PagePath => PAGES.find(p => `#/${p.path}` === window.location.hash)?.path ?? 'scanner';

/** Entering the space: the structure's partner key (given by the APTIC team at approval). */
const KeyLogin = ({ onKey }: { onKey: (key: string, me: Me) => void }) => {
    const [key, setKey] = useState('');
    const [refusal, setRefusal] = useState<string | null>(null);
    const [checking, setChecking] = useState(false);
    const enter = async () => {
        setChecking(true);
        setRefusal(null);
        try {
            const { data, error } = await apticClient({ partnerKey: key.trim() }).GET('/api/partner/me');
            if (data) onKey(key.trim(), data);
            else setRefusal(messageOf(error));
        } catch {
            setRefusal(messageOf(null));
        } finally {
            setChecking(false);
        }
    };
    return (
        <Paper variant="outlined" sx={{ p: { xs: 2, sm: 4 }, maxWidth: 560, mx: 'auto' }} component="form" onSubmit={e => (e.preventDefault(), void enter())}>
            <Typography variant="h5" component="h1" gutterBottom>
                Espace APTICulteur
            </Typography>
            <Typography color="text.secondary" sx={{ mb: 2 }}>
                Entrez la clé de votre structure (elle commence par « apk_ » et vous a été remise à l’approbation de votre demande). Ce navigateur la garde
                jusqu’à ce que vous vous déconnectiez.
            </Typography>
            <Stack spacing={2}>
                <TextField name="partnerKey" type="password" label="Clé de la structure" value={key} onChange={e => setKey(e.target.value)} autoComplete="off" error={refusal !== null} helperText={refusal ?? ' '} />
                <Box>
                    <Button type="submit" variant="contained" disabled={checking || key.trim() === ''}>
                        Entrer
                    </Button>
                </Box>
                <Typography variant="body2">
                    Pas encore APTICulteur ? <a href="/candidature/">Déposer une demande d’éligibilité</a>
                </Typography>
            </Stack>
        </Paper>
    );
};

/** A new charter was published: the structure signs it here. */
const CharterResignature = ({ api, onSigned }: { api: ApticClient; onSigned: () => void }) => {
    const charter = useLoad(() => api.GET('/api/public/charter'), [api]);
    const [name, setName] = useState('');
    const [refusal, setRefusal] = useState<string | null>(null);
    const [busy, setBusy] = useState(false);
    const sign = async (version: number) => {
        setBusy(true);
        try {
            const { data, error } = await api.POST('/api/partner/charter-signature', { body: { charter: { version, accepted: true, signatoryName: name } } });
            if (data) onSigned();
            else setRefusal(messageOf(error));
        } catch {
            setRefusal(messageOf(null));
        } finally {
            setBusy(false);
        }
    };
    // Shown at once (the structure must know), the text of the charter as soon as it is read.
    return (
        <Alert severity="warning" sx={{ mb: 2 }} data-testid="charter-resignature">
            <Typography sx={{ fontWeight: 500 }}>
                Nouvelle charte{charter.value ? ` (${charter.value.title})` : ''} : signez-la pour continuer à accepter les pass.
            </Typography>
            {charter.error && <LoadFailed message={charter.error} retry={charter.reload} />}
            {!charter.value && !charter.error && <CircularProgress size={20} aria-label="Chargement de la charte" />}
            {charter.value && (
                <>
                    <Box sx={{ my: 1, whiteSpace: 'pre-wrap', maxHeight: 160, overflow: 'auto' }}>{charter.value.body}</Box>
                    <Stack direction={{ xs: 'column', sm: 'row' }} spacing={1}>
                        <TextField label="Nom de la personne qui signe" value={name} onChange={e => setName(e.target.value)} error={refusal !== null} helperText={refusal ?? ' '} />
                        <Box>
                            <Button variant="contained" onClick={() => void sign(charter.value!.version)} disabled={busy || name.trim().length < 2}>
                                J’accepte et je signe
                            </Button>
                        </Box>
                    </Stack>
                </>
            )}
        </Alert>
    );
};

const Space = ({ partnerKey, onLogout }: { partnerKey: string; onLogout: () => void }) => {
    const api = useMemo(() => apticClient({ partnerKey }), [partnerKey]);
    const [me, setMe] = useState<Me | null>(null);
    const [page, setPage] = useState<PagePath>(pageOfHash);
    const [failed, setFailed] = useState<string | null>(null);
    const loadMe = () =>
        void api.GET('/api/partner/me').then(({ data, error, response }) => {
            if (data) return setMe(data);
            if (response.status === 401) onLogout();
            setFailed(messageOf(error));
        }, () => setFailed(messageOf(null)));
    // eslint-disable-next-line react-hooks/exhaustive-deps
    useEffect(loadMe, [api]);
    useEffect(() => {
        const follow = () => setPage(pageOfHash());
        window.addEventListener('hashchange', follow);
        return () => window.removeEventListener('hashchange', follow);
    }, []);
    const logout = (
        <Button color="inherit" onClick={onLogout}>
            Se déconnecter
        </Button>
    );
    if (failed) return <SitePage title="Espace APTICulteur" actions={logout}><Alert severity="error">{failed}</Alert></SitePage>;
    if (!me) return <SitePage title="Espace APTICulteur"><CircularProgress /></SitePage>;
    return (
        <SitePage title={me.name} actions={logout}>
            {me.charterResignatureNeeded && <CharterResignature api={api} onSigned={loadMe} />}
            <Tabs value={page} onChange={(_e, value: PagePath) => (window.location.hash = `/${value}`)} variant="scrollable" allowScrollButtonsMobile sx={{ mb: 2 }}>
                {PAGES.map(p => (
                    <Tab key={p.path} value={p.path} label={p.label} />
                ))}
            </Tabs>
            {page === 'scanner' && <ScannerPage api={api} places={me.locations} />}
            {page === 'catalogue' && <CataloguePage api={api} places={me.locations} />}
            {page === 'passages' && <HistoryPage api={api} />}
            {page === 'kit' && <KitPage api={api} />}
            {page === 'releves' && <StatementsPage api={api} />}
        </SitePage>
    );
};

const App = () => {
    const [partnerKey, setPartnerKey] = useState<string | null>(() => localStorage.getItem(KEY_STORAGE));
    if (!partnerKey)
        return (
            <SitePage title="Espace APTICulteur">
                <KeyLogin
                    onKey={key => {
                        localStorage.setItem(KEY_STORAGE, key);
                        setPartnerKey(key);
                    }}
                />
            </SitePage>
        );
    return (
        <Space
            partnerKey={partnerKey}
            onLogout={() => {
                // Forget the key and what the scanner remembered for this structure.
                for (const key of Object.keys(localStorage)) if (key.startsWith('aptic.espace.')) localStorage.removeItem(key);
                setPartnerKey(null);
            }}
        />
    );
};

createRoot(document.getElementById('root')!).render(
    <StrictMode>
        <App />
    </StrictMode>
);
