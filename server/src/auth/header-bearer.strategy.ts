import type { Request } from 'express';
import { Strategy } from 'passport-strategy';

type Verified = (error: Error | null, user?: unknown) => void;

/** "Authorization: Bearer <token>" (RFC 6750 §2.1), the token being its b64token characters. */
const BEARER = /^Bearer +([A-Za-z0-9\-._~+/]+=*)$/i;

/**
 * Staff bearer tokens, read from the Authorization header only. passport-http-bearer also takes
 * them from `?access_token=` and from the body (RFC 6750 §2.2–2.3), but URLs end up in access
 * logs, browser history and Referer headers: a token there would leak.
 */
export class HeaderBearerStrategy extends Strategy {
  name = 'bearer';

  constructor(private readonly verify: (token: string, done: Verified) => void) {
    super();
  }

  override authenticate(req: Request): void {
    const header = req.headers.authorization;
    const match = typeof header === 'string' ? BEARER.exec(header.trim()) : null;
    // The 401 and its WWW-Authenticate header are answered by the exception filter.
    if (!match) return this.fail(401);
    this.verify(match[1], (error, user) => {
      if (error) return this.error(error);
      if (!user) return this.fail(401);
      this.success(user);
    });
  }
}

/** True when a request carries a token where it is not accepted (query string or body), so the refusal can say where it belongs. */
export function tokenOutsideHeader(req: Request): boolean {
  const query = req.query as Record<string, unknown> | undefined;
  const body = req.body as Record<string, unknown> | undefined;
  return Boolean(
    (query && Object.hasOwn(query, 'access_token')) || (body && typeof body === 'object' && !Array.isArray(body) && Object.hasOwn(body, 'access_token')),
  );
}
