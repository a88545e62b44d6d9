import { TextInput, minLength, required } from 'react-admin';

/** The reason of a refusal, sent to the structure (the server wants 3 characters at least). */
export const ReasonInput = () => (
    <TextInput source="reason" label="offers.moderation.reason" multiline minRows={3} fullWidth validate={[required(), minLength(3)]} />
);

/** What the structure must change. */
export const ChangesInput = () => (
    <TextInput source="comment" label="offers.moderation.changes" multiline minRows={3} fullWidth validate={[required(), minLength(3)]} />
);

/** An optional word with an approval. */
export const ApprovalCommentInput = () => (
    <TextInput source="comment" label="offers.moderation.comment" multiline minRows={2} fullWidth />
);

/** Drops an empty optional comment (the server wants 3 characters when there is one). */
export const withoutEmpty = (values: Record<string, any>) =>
    Object.fromEntries(Object.entries(values).filter(([, value]) => value != null && String(value).trim() !== ''));
