import { DateField, type DateFieldProps } from 'react-admin';

/** Dates always in French format and Paris time, whatever the browser's locale. */
export const DateTimeField = ({ showTime = true, ...props }: DateFieldProps) => (
    <DateField
        locales="fr-FR"
        showTime={showTime}
        options={
            showTime
                ? { dateStyle: 'short', timeStyle: 'short', timeZone: 'Europe/Paris' }
                : { dateStyle: 'short', timeZone: 'Europe/Paris' }
        }
        emptyText="—"
        {...props}
    />
);

export const DateOnlyField = (props: DateFieldProps) => <DateTimeField showTime={false} {...props} />;
