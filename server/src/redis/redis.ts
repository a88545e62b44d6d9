import { createClient } from 'redis';

function makeClient(url: string, name: string) {
  return createClient({ url, name, socket: { reconnectStrategy: (retries: number) => Math.min(retries * 200, 5_000), connectTimeout: 5_000 } });
}

export type RedisClient = ReturnType<typeof makeClient>;

/** Connects to REDIS_URL; fails fast with a clear message instead of retrying forever at boot. */
export async function connectRedis(url: string, name: string): Promise<RedisClient> {
  const client = makeClient(url, name);
  // Errors while connected are logged by the caller's health check; without a listener node would crash.
  client.on('error', () => undefined);
  try {
    await client.connect();
  } catch (error) {
    await client.destroy();
    throw new Error(`Redis injoignable à ${url.replace(/\/\/[^@]*@/, '//***@')} : ${(error as Error).message}`);
  }
  return client;
}
