import type { ServeStaticModuleOptions } from '@nestjs/serve-static';
import compression from 'compression';
import type { ServerResponse } from 'node:http';
import * as path from 'node:path';

/**
 * Caching of the built console: hashed files under assets/ are kept a year without asking again
 * (a new build has new names); index.html, and the console routes answered with it, are
 * revalidated on every load so a deployment is picked up at once.
 */
export function consoleCacheHeaders(rootPath: string) {
  const hashedDir = path.resolve(rootPath, 'assets') + path.sep;
  return (res: ServerResponse, filePath: string) => {
    const hashed = path.resolve(filePath).startsWith(hashedDir);
    res.setHeader('Cache-Control', hashed ? 'public, max-age=31536000, immutable' : 'no-cache');
  };
}

/** The console served at "/" beside the API, with the caching above. */
export function consoleStaticOptions(rootPath: string): ServeStaticModuleOptions {
  return {
    rootPath,
    exclude: ['/api{/*path}', '/socket.io{/*path}'],
    serveStaticOptions: { setHeaders: consoleCacheHeaders(rootPath) },
  };
}

/**
 * gzip or brotli, as the client accepts, for every response over 1 kB: the console's scripts and
 * the API's JSON pages (the `compression` middleware; socket.io's own transport is not routed
 * through Express and is left alone).
 */
export const compressResponses = () => compression();
