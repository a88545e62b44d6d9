import { Logger } from '@nestjs/common';
import * as express from 'express';
import { AppErrorCode, AppException } from './errors';
import type { NextFunction, Request, Response } from 'express';
import { randomUUID } from 'node:crypto';
import { requestContext } from './request-context';

const logger = new Logger('HTTP');
const VALID_ID = /^[A-Za-z0-9._-]{1,64}$/;

/** Gives every request an id (kept from X-Request-Id when sane), echoes it, and logs one line per request. */
export function requestContextMiddleware(req: Request, res: Response, next: NextFunction) {
  const incoming = req.headers['x-request-id'];
  const requestId = typeof incoming === 'string' && VALID_ID.test(incoming) ? incoming : randomUUID();
  res.setHeader('X-Request-Id', requestId);
  const started = process.hrtime.bigint();
  res.on('finish', () => {
    if (!req.originalUrl.startsWith('/api')) return;
    const ctx = requestContext.get();
    logger.log({
      message: 'request',
      requestId,
      method: req.method,
      path: req.originalUrl.split('?')[0],
      status: res.statusCode,
      durationMs: Number((process.hrtime.bigint() - started) / 1_000_000n),
      actor: ctx?.actor ? `${ctx.actor.type}:${ctx.actor.id ?? '-'}` : undefined,
    });
  });
  requestContext.run({ requestId }, () => next());
}

export const MAX_JSON_BODY = '100kb';
const parseJson = express.json({ limit: MAX_JSON_BODY });

/** JSON bodies, with body-parser's failures turned into clear French 4xx errors. */
export function jsonBodyMiddleware(req: Request, res: Response, next: NextFunction) {
  parseJson(req, res, (error?: unknown) => {
    if (!error) return next();
    const e = error as { type?: string; status?: number };
    if (e.type === 'entity.parse.failed') return next(new AppException(AppErrorCode.BAD_REQUEST, 'Le corps de la requête n’est pas un JSON valide.'));
    if (e.type === 'entity.too.large') return next(new AppException(AppErrorCode.PAYLOAD_TOO_LARGE, `Requête trop volumineuse : ${MAX_JSON_BODY} au plus.`));
    if (e.type === 'charset.unsupported' || e.type === 'encoding.unsupported') return next(new AppException(AppErrorCode.UNSUPPORTED_MEDIA_TYPE, 'Encodage non pris en charge : envoyez du JSON en UTF-8.'));
    return next(new AppException(AppErrorCode.BAD_REQUEST, 'Corps de requête illisible.'));
  });
}
