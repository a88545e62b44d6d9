import { badRequest } from '../common/errors';
import { ResourceDefinition } from '../rest/resource-definition';

export const referentialCategoriesResource: ResourceDefinition = {
  name: 'referential-categories',
  model: 'ReferentialCategory',
  search: ['code', 'label', 'description'],
  defaultSort: ['position', 'ASC'],
};

export const referentialServicesResource: ResourceDefinition = {
  name: 'referential-services',
  model: 'ReferentialService',
  search: ['code', 'label', 'description'],
  defaultSort: ['code', 'ASC'],
};

const ids = (value: unknown, name: string): string[] => {
  const list = Array.isArray(value) ? value : [value];
  if (!list.length || list.length > 1000 || !list.every((v) => typeof v === 'string' && v.length <= 64)) throw badRequest(`Valeur invalide pour le filtre « ${name} ».`);
  return list as string[];
};

export const offersResource: ResourceDefinition = {
  name: 'offers',
  model: 'Offer',
  search: ['title', 'description'],
  defaultSort: ['submittedAt', 'DESC'],
  customFilters: {
    /** Offers whose referential service is in this category (moderation queue filter). */
    categoryId: (value) => ({ service: { categoryId: { in: ids(value, 'categoryId') } } }),
    /** Offers of structures in this département. */
    departement: (value) => ({ structure: { departement: { in: ids(value, 'departement') } } }),
  },
};
