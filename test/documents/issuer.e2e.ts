import { ConfigError, loadConfig } from '../../server/src/config/app-config';
import { issuerFrom } from '../../server/src/documents/issuer';

describe('the issuer identity (ISSUER_*)', () => {
  it('has demo defaults that pass their own checks', () => {
    expect(issuerFrom(loadConfig({}))).toEqual({
      name: 'Association #APTIC',
      siret: '91234567500017',
      addressLine: '12 rue de l’Inclusion',
      postalCode: '75011',
      city: 'Paris',
      vatNumber: 'FR65912345675',
      email: 'facturation@aptic.example',
    });
  });

  it('is read from the environment', () => {
    const issuer = issuerFrom(loadConfig({ ISSUER_NAME: 'APTIC Gironde', ISSUER_CITY: 'Bordeaux', ISSUER_POSTAL_CODE: '33000' }));
    expect(issuer).toEqual(expect.objectContaining({ name: 'APTIC Gironde', city: 'Bordeaux', postalCode: '33000' }));
  });

  it.each([
    ['ISSUER_SIRET', '91234567500018'],
    ['ISSUER_POSTAL_CODE', '7501'],
    ['ISSUER_VAT_NUMBER', '65912345675'],
    ['ISSUER_EMAIL', 'facturation'],
    ['ISSUER_NAME', ''],
    ['PAYOUT_DEBTOR_IBAN', 'FR7630006000011234567890188'],
    ['PAYOUT_DEBTOR_IBAN', 'FR76 3000 6000 0112 3456 7890 189'],
    ['PAYOUT_DEBTOR_BIC', 'AGRI'],
    ['PAYOUT_DEBTOR_NAME', ''],
  ])('refuses a bad %s at boot, naming it', (name, value) => {
    const load = () => loadConfig({ [name]: value });
    expect(load).toThrow(ConfigError);
    expect(load).toThrow(new RegExp(`${name}=`));
  });
});
