import { io, Socket } from 'socket.io-client';

export function connect(baseUrl: string, token?: string): Socket {
  return io(baseUrl, { path: '/socket.io', auth: token ? { token } : {}, transports: ['websocket'], reconnection: false, forceNew: true });
}

export function connected(socket: Socket): Promise<void> {
  return new Promise((resolve, reject) => {
    socket.once('connect', () => resolve());
    socket.once('connect_error', (error) => reject(error));
  });
}

export function refused(socket: Socket): Promise<Error> {
  return new Promise((resolve, reject) => {
    socket.once('connect', () => reject(new Error('connected, refusal expected')));
    socket.once('connect_error', (error) => resolve(error));
  });
}

export function subscribe(socket: Socket, topic: string): Promise<{ ok: boolean; error?: string }> {
  return socket.timeout(5000).emitWithAck('subscribe', { topic });
}

export interface ReceivedEvent {
  topic: string;
  type: string;
  payload: { ids: string[]; [key: string]: any };
}

/** Collects every realtime event a socket receives. */
export function collect(socket: Socket): ReceivedEvent[] {
  const events: ReceivedEvent[] = [];
  socket.on('event', (e: ReceivedEvent) => events.push(e));
  return events;
}

/** Waits until an event matching `predicate` has arrived (or fails after `ms`). */
export async function waitFor(events: ReceivedEvent[], predicate: (e: ReceivedEvent) => boolean, ms = 5000): Promise<ReceivedEvent> {
  const deadline = Date.now() + ms;
  for (;;) {
    const found = events.find(predicate);
    if (found) return found;
    if (Date.now() > deadline) throw new Error(`no matching event among ${JSON.stringify(events)}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}
