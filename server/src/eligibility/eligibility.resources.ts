import { ResourceDefinition } from '../rest/resource-definition';

export const structuresResource: ResourceDefinition<'Structure'> = {
  name: 'structures',
  model: 'Structure',
  search: ['name', 'siret', 'city', 'postalCode', 'email', 'legalRepName'],
  defaultSort: ['name', 'ASC'],
  masked: ['iban'],
};

export const locationsResource: ResourceDefinition<'Location'> = {
  name: 'locations',
  model: 'Location',
  search: ['name', 'city', 'postalCode', 'addressLine'],
  defaultSort: ['name', 'ASC'],
};

export const applicationsResource: ResourceDefinition<'Application'> = {
  name: 'applications',
  model: 'Application',
  search: ['reference', 'organisationName', 'siret', 'city', 'contactName', 'contactEmail'],
  defaultSort: ['submittedAt', 'DESC'],
  masked: ['iban'],
};

export const chartersResource: ResourceDefinition<'Charter'> = {
  name: 'charters',
  model: 'Charter',
  search: ['title', 'body'],
  defaultSort: ['version', 'DESC'],
};

export const charterSignaturesResource: ResourceDefinition<'CharterSignature'> = {
  name: 'charter-signatures',
  model: 'CharterSignature',
  search: ['signatoryName'],
  defaultSort: ['signedAt', 'DESC'],
};

export const questionnairesResource: ResourceDefinition<'Questionnaire'> = {
  name: 'questionnaires',
  model: 'Questionnaire',
  search: ['title'],
  defaultSort: ['version', 'DESC'],
};
