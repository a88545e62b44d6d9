import type { ResourceDefinition } from './resource-definition';

/**
 * The resources served through the REST contract, by name: filled as their controllers are built
 * (createResourceController), read where a name arrives from a client (edit locks) and must be
 * matched to a model. A Map: a name such as "constructor" finds nothing.
 */
const definitions = new Map<string, ResourceDefinition>();

export function registerResource(def: ResourceDefinition): void {
  definitions.set(def.name, def);
}

export function resourceDefinition(name: string): ResourceDefinition | undefined {
  return definitions.get(name);
}
