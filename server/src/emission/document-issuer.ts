import type { AppConfig } from '../config/app-config';
import type { IssuerIdentity } from '../documents/sponsor-documents';

/**
 * Who issues the documents sent to sponsors (credit notes, fee invoices), from configuration.
 * The one place that builds it: when the issuer identity grows (address, SIRET, VAT number…),
 * only this function changes.
 */
export function documentIssuer(config: Pick<AppConfig, 'ISSUER_NAME'>): IssuerIdentity {
  return { name: config.ISSUER_NAME };
}
