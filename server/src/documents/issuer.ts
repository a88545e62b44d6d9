import type { AppConfig } from '../config/app-config';
import type { IssuerIdentity } from './sponsor-documents';

/** The issuer identity of the configuration (ISSUER_*), as documents freeze it into their snapshot. */
export function issuerFrom(config: Pick<AppConfig, 'ISSUER_NAME' | 'ISSUER_SIRET' | 'ISSUER_ADDRESS' | 'ISSUER_POSTAL_CODE' | 'ISSUER_CITY' | 'ISSUER_VAT_NUMBER' | 'ISSUER_EMAIL'>): IssuerIdentity {
  return {
    name: config.ISSUER_NAME,
    siret: config.ISSUER_SIRET,
    addressLine: config.ISSUER_ADDRESS,
    postalCode: config.ISSUER_POSTAL_CODE,
    city: config.ISSUER_CITY,
    vatNumber: config.ISSUER_VAT_NUMBER,
    email: config.ISSUER_EMAIL,
  };
}
