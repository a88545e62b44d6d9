import { useMemo, useState } from 'react';
import {
    Avatar,
    Box,
    Button,
    Card,
    CardContent,
    CardHeader,
    CircularProgress,
    Divider,
    Stack,
    TextField,
    Typography,
} from '@mui/material';
import SendIcon from '@mui/icons-material/Send';
import {
    useCreate,
    useGetIdentity,
    useGetList,
    useGetMany,
    useNotify,
    useRecordContext,
    useResourceContext,
    useTranslate,
    type Identifier,
} from 'react-admin';
import { colourOf, initialsOf } from './PresenceAvatars';
import { formatDateTime } from './format';
import { useSubscribeToRecordList } from './useSubscribe';
import { useChangeRefetch } from './useChangeRefetch';

/** Resources the server accepts comments on (SPEC: applications, structures, offers, disputes, endorsements). */
export const COMMENTABLE_RESOURCES = ['applications', 'structures', 'offers', 'disputes', 'endorsements'];

const MAX_LENGTH = 5000;

/**
 * The discussion of staff about one record: every comment with its author and date, a box to
 * add one; comments of colleagues appear as they are posted (topic resource/comments).
 */
export const CommentThread = ({ resource: resourceProp, id: idProp }: { resource?: string; id?: Identifier }) => {
    const contextResource = useResourceContext();
    const record = useRecordContext();
    const resource = resourceProp ?? contextResource ?? '';
    const recordId = idProp ?? record?.id;
    const translate = useTranslate();
    const notify = useNotify();
    const { identity } = useGetIdentity();
    const [body, setBody] = useState('');
    const enabled = !!resource && recordId != null;

    const { data: comments = [], isPending, refetch: refetchNow, isFetching } = useGetList(
        'comments',
        {
            filter: { resource, recordId: String(recordId) },
            sort: { field: 'createdAt', order: 'ASC' },
            pagination: { page: 1, perPage: 1000 },
        },
        { enabled }
    );
    const authorIds = useMemo(() => Array.from(new Set(comments.map(c => c.authorId).filter(Boolean))), [comments]);
    const { data: authors = [], isFetching: fetchingAuthors } = useGetMany(
        'staff',
        { ids: authorIds },
        { enabled: authorIds.length > 0, placeholderData: previous => previous }
    );
    const nameOf = (authorId: string) =>
        authors.find(a => a?.id === authorId)?.fullName ??
        (authorId === identity?.id ? identity?.fullName : undefined) ??
        (fetchingAuthors ? '…' : translate('app.unknown'));

    // Events carry ids only: any comment event may be about this record, refetch the thread.
    // Once subscribed, fetch again: a comment posted between the first fetch and the subscription is not missed.
    const refetch = useChangeRefetch(refetchNow, isFetching);
    useSubscribeToRecordList(refetch, 'comments', { enabled, onAck: ack => ack.ok && refetch() });

    const [create, { isPending: posting }] = useCreate();
    const text = body.trim();
    const post = () => {
        if (!text || text.length > MAX_LENGTH) return;
        create(
            'comments',
            { data: { resource, recordId: String(recordId), body: text } },
            {
                onSuccess: () => {
                    setBody('');
                    void refetch();
                },
                onError: (error: any) =>
                    notify(error?.message ?? 'ra.notification.http_error', { type: 'error' }),
            }
        );
    };

    return (
        <Card data-testid="comment-thread">
            <CardHeader
                title={translate('realtime.comments.title', { smart_count: comments.length })}
                slotProps={{ title: { variant: 'subtitle1', sx: { fontWeight: 600 } } }}
                sx={{ pb: 0 }}
            />
            <CardContent>
                {isPending && enabled ? (
                    <CircularProgress size={20} />
                ) : comments.length === 0 ? (
                    <Typography variant="body2" color="text.secondary">
                        {translate('realtime.comments.empty')}
                    </Typography>
                ) : (
                    <Stack spacing={1.5} divider={<Divider flexItem />} sx={{ maxHeight: 420, overflowY: 'auto' }}>
                        {comments.map(comment => {
                            const name = nameOf(comment.authorId);
                            return (
                                <Stack key={comment.id} direction="row" spacing={1.5} data-testid="comment">
                                    <Avatar sx={{ width: 28, height: 28, fontSize: 12, bgcolor: colourOf(String(comment.authorId)) }}>
                                        {initialsOf(name)}
                                    </Avatar>
                                    <Box sx={{ minWidth: 0, flex: 1 }}>
                                        <Typography variant="body2" component="div">
                                            <Box component="span" sx={{ fontWeight: 600 }} data-testid="comment-author">
                                                {name}
                                            </Box>
                                            <Box component="span" sx={{ color: 'text.secondary', ml: 1, fontSize: 12 }}>
                                                {formatDateTime(comment.createdAt)}
                                            </Box>
                                        </Typography>
                                        <Typography
                                            variant="body2"
                                            sx={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}
                                            data-testid="comment-body"
                                        >
                                            {comment.body}
                                        </Typography>
                                    </Box>
                                </Stack>
                            );
                        })}
                    </Stack>
                )}
                <Box
                    component="form"
                    sx={{ mt: 2 }}
                    onSubmit={event => {
                        event.preventDefault();
                        post();
                    }}
                >
                    <TextField
                        value={body}
                        onChange={event => setBody(event.target.value)}
                        onKeyDown={event => {
                            // Ctrl/⌘ + Entrée publie, Entrée seule va à la ligne.
                            if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
                                event.preventDefault();
                                post();
                            }
                        }}
                        label={translate('realtime.comments.placeholder')}
                        multiline
                        minRows={2}
                        maxRows={8}
                        fullWidth
                        size="small"
                        name="comment"
                        error={text.length > MAX_LENGTH}
                        helperText={
                            text.length > MAX_LENGTH
                                ? translate('realtime.comments.tooLong', { max: MAX_LENGTH })
                                : undefined
                        }
                        slotProps={{ htmlInput: { 'data-testid': 'comment-input' } }}
                    />
                    <Box sx={{ display: 'flex', justifyContent: 'flex-end', mt: 1 }}>
                        <Button
                            type="submit"
                            variant="contained"
                            size="small"
                            endIcon={<SendIcon />}
                            disabled={!text || text.length > MAX_LENGTH || posting}
                            data-testid="comment-submit"
                        >
                            {translate('realtime.comments.post')}
                        </Button>
                    </Box>
                </Box>
            </CardContent>
        </Card>
    );
};
