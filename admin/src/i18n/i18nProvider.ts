import polyglotI18nProvider from 'ra-i18n-polyglot';
import type { I18nProvider } from 'react-admin';
import { fr } from './fr';
import { en } from './en';

const messages = { fr, en } as const;

/** French by default (staff are French-speaking); English selectable from the app bar. */
const polyglot = polyglotI18nProvider(
    locale => messages[locale as keyof typeof messages] ?? fr,
    'fr',
    [
        { locale: 'fr', name: 'Français' },
        { locale: 'en', name: 'English' },
    ],
    { allowMissing: true }
);

// A resource name used as a label without a count ("resources.orders.name" on a tab) would
// print both forms ("Commande |||| Commandes"): such labels name a collection, use the plural.
const RESOURCE_NAME = /^resources\.[^.]+\.name$/;
// react-admin's empty list asks for "resources.<name>.empty" first: each resource's sentence is
// written once in "lists.empty" (with its article), the generic "ra.page.empty" is only a fallback.
const RESOURCE_EMPTY = /^resources\.([^.]+)\.empty$/;

export const i18nProvider: I18nProvider = {
    ...polyglot,
    translate: (key, options = {}) => {
        const empty = RESOURCE_EMPTY.exec(key);
        if (empty) return polyglot.translate(`lists.empty.${empty[1]}`, options);
        return polyglot.translate(
            key,
            RESOURCE_NAME.test(key) && options.smart_count === undefined ? { ...options, smart_count: 2 } : options
        );
    },
};
