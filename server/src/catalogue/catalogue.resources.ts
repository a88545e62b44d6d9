import { ResourceDefinition } from '../rest/resource-definition';

export const referentialCategoriesResource: ResourceDefinition<'ReferentialCategory'> = {
  name: 'referential-categories',
  model: 'ReferentialCategory',
  search: ['code', 'label', 'description'],
  defaultSort: ['position', 'ASC'],
};

export const referentialServicesResource: ResourceDefinition<'ReferentialService'> = {
  name: 'referential-services',
  model: 'ReferentialService',
  search: ['code', 'label', 'description'],
  defaultSort: ['code', 'ASC'],
};

export const offersResource: ResourceDefinition<'Offer'> = {
  name: 'offers',
  model: 'Offer',
  search: ['title', 'description'],
  defaultSort: ['submittedAt', 'DESC'],
  customFilters: {
    /** Offers whose referential service is in this category (moderation queue filter). */
    categoryId: { accepts: { texts: { maxLength: 64 } }, where: (ids) => ({ service: { categoryId: { in: ids } } }) },
    /** Offers of structures in this département. */
    departement: { accepts: { texts: { maxLength: 64 } }, where: (codes) => ({ structure: { departement: { in: codes } } }) },
  },
};
