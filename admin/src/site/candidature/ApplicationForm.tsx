import { useEffect, useState } from 'react';
import {
    Alert,
    Box,
    Button,
    Checkbox,
    CircularProgress,
    FormControl,
    FormControlLabel,
    FormHelperText,
    FormLabel,
    Paper,
    Radio,
    RadioGroup,
    Stack,
    Typography,
} from '@mui/material';
import { apticClient } from '../api/client';
import type { components } from '../api/openapi';
import { CommuneChoices, type Commune } from '../../common/CommuneChoices';
import { fieldErrorsOf, messageOf } from '../common/fieldErrors';
import { bankFields, CONTACT_FIELDS, nestedBody, ORGANISATION_FIELDS, REPRESENTATIVE_FIELDS, type FormField } from './fields';
import { emptyForm, FieldInputs, type FormState } from './FieldInputs';

type Charter = components['schemas']['PublicCharterDto'];
type Questionnaire = components['schemas']['PublicQuestionnaireDto'];
type Receipt = components['schemas']['ApplicationReceiptDto'];

const SIGNATORY_FIELDS: FormField[] = [
    { path: 'charter.signatoryName', label: 'Nom de la personne qui signe', required: true, width: 6 },
    { path: 'charter.signatoryRole', label: 'Sa fonction', width: 6 },
];
const TEXT_FIELDS = [...ORGANISATION_FIELDS, ...CONTACT_FIELDS, ...REPRESENTATIVE_FIELDS, ...bankFields(), ...SIGNATORY_FIELDS];

/** The link an applicant keeps to answer a question of the APTIC team (the token stays in the fragment, never sent to a server). */
export const replyLinkOf = (receipt: Pick<Receipt, 'id' | 'replyToken'>) =>
    `${window.location.origin}/candidature/?demande=${encodeURIComponent(receipt.id)}#jeton=${encodeURIComponent(receipt.replyToken)}`;

const Section = ({ title, intro, children }: { title: string; intro?: string; children: React.ReactNode }) => (
    <Paper variant="outlined" sx={{ p: { xs: 2, sm: 3 } }}>
        <Typography variant="h6" component="h2" gutterBottom>
            {title}
        </Typography>
        {intro && (
            <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
                {intro}
            </Typography>
        )}
        {children}
    </Paper>
);

/** A commune picked under the postal code fills the commune and the département, and clears their refusals. */
const withCommune = (form: FormState, commune: Commune): FormState => {
    const paths = ['organisation.postalCode', 'organisation.city', 'organisation.departement'];
    const server = Object.fromEntries(Object.entries(form.server).filter(([path]) => !paths.includes(path)));
    return { ...form, values: { ...form.values, 'organisation.city': commune.nom, 'organisation.departement': commune.departement }, server };
};

/** The public API (no key): one client for the page. */
const api = apticClient();

/** /candidature: the eligibility application of a structure, from the questionnaire and the charter in force. */
export const ApplicationForm = () => {
    const [charter, setCharter] = useState<Charter | null>(null);
    const [questionnaire, setQuestionnaire] = useState<Questionnaire | null>(null);
    const [loadError, setLoadError] = useState<string | null>(null);
    const [form, setForm] = useState<FormState>(emptyForm);
    const [answers, setAnswers] = useState<Record<string, string>>({});
    const [accepted, setAccepted] = useState(false);
    const [sending, setSending] = useState(false);
    const [refusal, setRefusal] = useState<string | null>(null);
    const [receipt, setReceipt] = useState<Receipt | null>(null);

    useEffect(() => {
        Promise.all([api.GET('/api/public/charter'), api.GET('/api/public/questionnaire')]).then(
            ([c, q]) => {
                if (!c.data || !q.data) return setLoadError(messageOf(c.error ?? q.error));
                setCharter(c.data);
                setQuestionnaire(q.data);
            },
            () => setLoadError(messageOf(null))
        );
    }, []);

    if (receipt) return <Received receipt={receipt} />;
    if (loadError) return <Alert severity="error">{loadError}</Alert>;
    if (!charter || !questionnaire) return <CircularProgress aria-label="Chargement du formulaire" />;

    const missingAnswers = questionnaire.questions.filter(q => !answers[q.code]).map(q => q.code);
    const submit = async () => {
        setRefusal(null);
        setSending(true);
        const values = nestedBody(form.values, TEXT_FIELDS.map(f => f.path));
        const body = {
            ...values,
            answers,
            charter: { ...values.charter, version: charter.version, accepted },
        } as unknown as components['schemas']['SubmitApplicationDto'];
        try {
            const { data, error } = await api.POST('/api/public/applications', { body });
            if (data) return setReceipt(data);
            const server = fieldErrorsOf(error);
            setForm(f => ({ ...f, left: new Set(TEXT_FIELDS.map(x => x.path)), server }));
            setRefusal(messageOf(error));
            const first = Object.keys(server)[0];
            if (first) document.querySelector<HTMLElement>(`[data-field="${first}"]`)?.focus();
        } catch {
            setRefusal(messageOf(null));
        } finally {
            setSending(false);
        }
    };

    return (
        <Stack spacing={3} component="form" noValidate onSubmit={event => (event.preventDefault(), void submit())}>
            <Box>
                <Typography variant="h4" component="h1" gutterBottom>
                    Devenir APTICulteur
                </Typography>
                <Typography color="text.secondary">
                    Votre structure accompagne les personnes éloignées du numérique ? Déposez ici votre demande d’éligibilité : l’équipe APTIC l’étudie et
                    vous répond par e-mail. Les champs marqués d’un astérisque sont obligatoires.
                </Typography>
            </Box>
            <Section title="Votre structure">
                <FieldInputs
                    fields={ORGANISATION_FIELDS}
                    state={form}
                    onChange={setForm}
                    after={{
                        field: 'organisation.departement',
                        node: (
                            <CommuneChoices
                                postalCode={form.values['organisation.postalCode'] ?? ''}
                                city={form.values['organisation.city'] ?? ''}
                                departement={form.values['organisation.departement'] ?? ''}
                                onPick={commune => setForm(f => withCommune(f, commune))}
                            />
                        ),
                    }}
                />
            </Section>
            <Section title="Contact et représentant·e légal·e">
                <Stack spacing={2}>
                    <FieldInputs fields={CONTACT_FIELDS} state={form} onChange={setForm} />
                    <FieldInputs fields={REPRESENTATIVE_FIELDS} state={form} onChange={setForm} />
                </Stack>
            </Section>
            <Section title="Coordonnées bancaires" intro="Le compte sur lequel APTIC vous rembourse chaque mois les pass encaissés.">
                <FieldInputs fields={bankFields()} state={form} onChange={setForm} />
            </Section>
            <Section title={questionnaire.title} intro="Une réponse par question.">
                <Stack spacing={2}>
                    {questionnaire.questions.map(q => {
                        const serverMessage = form.server[`answers.${q.code}`]?.join(' ; ');
                        return (
                            <FormControl key={q.code} error={!!serverMessage || (refusal !== null && !answers[q.code])}>
                                <FormLabel id={`question-${q.code}`}>{q.label}</FormLabel>
                                <RadioGroup aria-labelledby={`question-${q.code}`} name={`answers.${q.code}`} value={answers[q.code] ?? ''} onChange={e => setAnswers({ ...answers, [q.code]: e.target.value })}>
                                    {q.options.map(o => (
                                        <FormControlLabel key={o.value} value={o.value} control={<Radio size="small" />} label={o.label} />
                                    ))}
                                </RadioGroup>
                                {(serverMessage || (refusal !== null && !answers[q.code])) && <FormHelperText>{serverMessage ?? 'Réponse obligatoire'}</FormHelperText>}
                            </FormControl>
                        );
                    })}
                </Stack>
            </Section>
            <Section title={charter.title} intro="Lisez la charte : votre structure s’engage à la respecter.">
                <Box sx={{ maxHeight: 260, overflow: 'auto', p: 2, mb: 2, bgcolor: 'grey.50', border: 1, borderColor: 'divider', borderRadius: 1, whiteSpace: 'pre-wrap' }} tabIndex={0} aria-label="Texte de la charte">
                    {charter.body}
                </Box>
                <FormControl error={refusal !== null && !accepted}>
                    <FormControlLabel
                        control={<Checkbox checked={accepted} onChange={e => setAccepted(e.target.checked)} name="charter.accepted" />}
                        label={`J’ai lu la charte (version ${charter.version}) et j’engage ma structure à la respecter.`}
                    />
                    {(form.server['charter.accepted'] || (refusal !== null && !accepted)) && <FormHelperText>{form.server['charter.accepted']?.join(' ; ') ?? 'Cochez pour signer la charte'}</FormHelperText>}
                </FormControl>
                <Box sx={{ mt: 2 }}>
                    <FieldInputs fields={SIGNATORY_FIELDS} state={form} onChange={setForm} />
                </Box>
            </Section>
            {refusal && (
                <Alert severity="error" role="alert">
                    {refusal}
                    {missingAnswers.length > 0 && ` (${missingAnswers.length} question${missingAnswers.length > 1 ? 's' : ''} sans réponse)`}
                </Alert>
            )}
            <Box>
                <Button type="submit" variant="contained" size="large" disabled={sending} startIcon={sending ? <CircularProgress size={18} color="inherit" /> : undefined}>
                    Envoyer ma demande
                </Button>
            </Box>
        </Stack>
    );
};

/** After sending: the reference and the reply link to keep. */
const Received = ({ receipt }: { receipt: Receipt }) => {
    const link = replyLinkOf(receipt);
    const [copied, setCopied] = useState(false);
    return (
        <Stack spacing={2}>
            <Alert severity="success" role="status">
                <Typography variant="h6" component="h1">
                    Demande {receipt.reference} reçue
                </Typography>
                L’équipe APTIC étudie votre demande et vous répond par e-mail.
            </Alert>
            <Paper variant="outlined" sx={{ p: { xs: 2, sm: 3 } }}>
                <Typography gutterBottom>
                    Conservez votre référence <strong data-testid="reference">{receipt.reference}</strong> et ce lien : si l’équipe a besoin d’une précision ou de
                    vos coordonnées bancaires corrigées, c’est par lui que vous répondrez. Il ne sera plus affiché.
                </Typography>
                <Box component="code" data-testid="reply-link" sx={{ display: 'block', p: 1.5, my: 2, bgcolor: 'grey.100', borderRadius: 1, wordBreak: 'break-all' }}>
                    {link}
                </Box>
                <Button
                    variant="outlined"
                    onClick={() =>
                        navigator.clipboard?.writeText(link).then(
                            () => setCopied(true),
                            () => setCopied(false)
                        )
                    }
                >
                    {copied ? 'Lien copié' : 'Copier le lien'}
                </Button>
            </Paper>
        </Stack>
    );
};
