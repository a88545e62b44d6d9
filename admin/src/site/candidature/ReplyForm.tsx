import { useEffect, useState } from 'react';
import { Alert, Box, Button, Checkbox, CircularProgress, FormControlLabel, Paper, Stack, TextField, Typography } from '@mui/material';
import { apticClient } from '../api/client';
import type { components } from '../api/openapi';
import { fieldErrorsOf, messageOf } from '../common/fieldErrors';
import { bankFields, nestedBody } from './fields';
import { emptyForm, FieldInputs, type FormState } from './FieldInputs';

type Answer = components['schemas']['ApplicationReplyAnswerDto'];
type View = components['schemas']['ApplicantViewDto'];

/** The public API (no key): one client for the page. */
const api = apticClient();

/** The reply link's page: the applicant answers the APTIC team's question and may correct the bank details. */
export const ReplyForm = ({ applicationId, token }: { applicationId: string; token: string }) => {
    const [message, setMessage] = useState('');
    const [withBank, setWithBank] = useState(false);
    const [bank, setBank] = useState<FormState>(emptyForm);
    const [sending, setSending] = useState(false);
    const [refusal, setRefusal] = useState<string | null>(null);
    const [messageError, setMessageError] = useState<string | null>(null);
    const [answer, setAnswer] = useState<Answer | null>(null);
    const [view, setView] = useState<View | null>(null);
    const [unreadable, setUnreadable] = useState<string | null>(null);
    useEffect(() => {
        api.GET('/api/public/applications/{id}', { params: { path: { id: applicationId }, header: { 'X-Reply-Token': token } } }).then(
            ({ data, error }) => (data ? setView(data) : setUnreadable(messageOf(error))),
            () => setUnreadable(messageOf(null))
        );
    }, [applicationId, token]);

    if (answer)
        return (
            <Alert severity="success" role="status">
                <Typography variant="h6" component="h1">
                    Réponse transmise — demande {answer.reference}
                </Typography>
                {answer.message}
            </Alert>
        );

    if (unreadable) return <Alert severity="error">{unreadable}</Alert>;
    if (!view) return <CircularProgress aria-label="Chargement de la demande" />;
    if (!view.awaitingReply)
        return (
            <Alert severity="info" role="status">
                La demande {view.reference} ({view.organisationName}) n’attend pas de réponse : elle est « {view.statusLabel} ». L’équipe APTIC vous écrira si
                elle a besoin d’une précision.
            </Alert>
        );

    const send = async () => {
        setRefusal(null);
        setMessageError(null);
        setSending(true);
        const corrected = withBank ? nestedBody(bank.values, bankFields().map(f => f.path)).bank : undefined;
        try {
            const { data, error } = await api.POST('/api/public/applications/{id}/reply', {
                params: { path: { id: applicationId } },
                body: { token, message, ...(corrected ? { bank: corrected as components['schemas']['BankDetailsDto'] } : {}) },
            });
            if (data) return setAnswer(data);
            const fields = fieldErrorsOf(error);
            setMessageError(fields.message?.join(' ; ') ?? null);
            setBank(b => ({ ...b, left: new Set(bankFields().map(x => x.path)), server: fields }));
            setRefusal(messageOf(error));
        } catch {
            setRefusal(messageOf(null));
        } finally {
            setSending(false);
        }
    };

    return (
        <Stack spacing={3} component="form" noValidate onSubmit={event => (event.preventDefault(), void send())}>
            <Box>
                <Typography variant="h4" component="h1" gutterBottom>
                    Répondre à l’équipe APTIC
                </Typography>
                <Typography color="text.secondary">
                    Demande {view.reference} — {view.organisationName}. L’équipe a besoin d’une précision pour l’instruire : votre réponse lui parvient
                    directement, et votre demande reprend son cours.
                </Typography>
            </Box>
            {view.question && (
                <Alert severity="info" icon={false} data-testid="hold-question">
                    <Typography variant="subtitle2">Question de l’équipe APTIC</Typography>
                    <Typography sx={{ whiteSpace: 'pre-wrap' }}>{view.question}</Typography>
                </Alert>
            )}
            <Paper variant="outlined" sx={{ p: { xs: 2, sm: 3 } }}>
                <TextField
                    name="message"
                    label="Votre réponse"
                    required
                    multiline
                    minRows={4}
                    value={message}
                    error={messageError !== null}
                    helperText={messageError ?? ' '}
                    onChange={e => setMessage(e.target.value)}
                />
                <FormControlLabel control={<Checkbox checked={withBank} onChange={e => setWithBank(e.target.checked)} name="withBank" />} label="Je corrige aussi mes coordonnées bancaires" />
                {withBank && (
                    <Box sx={{ mt: 2 }}>
                        <FieldInputs fields={bankFields()} state={bank} onChange={setBank} />
                    </Box>
                )}
            </Paper>
            {refusal && (
                <Alert severity="error" role="alert">
                    {refusal}
                </Alert>
            )}
            <Box>
                <Button type="submit" variant="contained" size="large" disabled={sending} startIcon={sending ? <CircularProgress size={18} color="inherit" /> : undefined}>
                    Envoyer ma réponse
                </Button>
            </Box>
        </Stack>
    );
};
