import { ResourceDefinition } from '../rest/resource-definition';

export const structuresResource: ResourceDefinition = {
  name: 'structures',
  model: 'Structure',
  search: ['name', 'siret', 'city', 'postalCode', 'email', 'legalRepName'],
  defaultSort: ['name', 'ASC'],
  masked: ['iban'],
};

export const locationsResource: ResourceDefinition = {
  name: 'locations',
  model: 'Location',
  search: ['name', 'city', 'postalCode', 'addressLine'],
  defaultSort: ['name', 'ASC'],
};

export const applicationsResource: ResourceDefinition = {
  name: 'applications',
  model: 'Application',
  search: ['reference', 'organisationName', 'siret', 'city', 'contactName', 'contactEmail'],
  defaultSort: ['submittedAt', 'DESC'],
  masked: ['iban'],
};

export const chartersResource: ResourceDefinition = {
  name: 'charters',
  model: 'Charter',
  search: ['title', 'body'],
  defaultSort: ['version', 'DESC'],
};

export const charterSignaturesResource: ResourceDefinition = {
  name: 'charter-signatures',
  model: 'CharterSignature',
  search: ['signatoryName'],
  defaultSort: ['signedAt', 'DESC'],
};

export const questionnairesResource: ResourceDefinition = {
  name: 'questionnaires',
  model: 'Questionnaire',
  search: ['title'],
  defaultSort: ['version', 'DESC'],
};
