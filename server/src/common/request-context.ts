import { AsyncLocalStorage } from 'node:async_hooks';

export type Actor =
  | { type: 'STAFF'; id: string; name: string; role: string }
  | { type: 'PARTNER'; id: string; name: string; structureId: string }
  | { type: 'PUBLIC'; id?: undefined; name: string }
  | { type: 'SYSTEM'; id?: undefined; name: string };

export interface RequestContext {
  requestId: string;
  actor?: Actor;
}

const storage = new AsyncLocalStorage<RequestContext>();

/** Per-request data (request id, who acts) reachable from services, audit and logs. */
export const requestContext = {
  run<T>(context: RequestContext, fn: () => T): T {
    return storage.run(context, fn);
  },
  get(): RequestContext | undefined {
    return storage.getStore();
  },
  requestId(): string | undefined {
    return storage.getStore()?.requestId;
  },
  setActor(actor: Actor) {
    const store = storage.getStore();
    if (store) store.actor = actor;
  },
};
