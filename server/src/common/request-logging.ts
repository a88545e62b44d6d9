import { Logger } from '@nestjs/common';
import * as express from 'express';
import typeis from 'type-is';
import { AppErrorCode, AppException } from './errors';
import type { NextFunction, Request, Response } from 'express';
import { randomUUID } from 'node:crypto';
import { requestContext } from './request-context';
import { inputRefusal, inspectInput } from './user-input';

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
export const BODY_TOO_LARGE_MESSAGE = 'Requête trop volumineuse : 100 ko au plus.';
const parseJson = express.json({ limit: MAX_JSON_BODY });

/** Answers an error in SPEC's shape right away (an error passed on to next() would meet ServeStatic's 404 handler first). */
function refuse(res: Response, error: AppException) {
  res.status(error.status).json({
    statusCode: error.status,
    error: REASONS[error.status] ?? 'Bad Request',
    message: error.message,
    ...(error.details ? { details: error.details } : {}),
    requestId: requestContext.requestId(),
  });
}

const REASONS: Record<number, string> = { 400: 'Bad Request', 413: 'Payload Too Large', 415: 'Unsupported Media Type' };

/** A body with bytes in it (an action POSTed without one says Content-Length: 0, and that is no body). */
function carriesBody(req: Request): boolean {
  const length = req.headers['content-length'];
  return req.headers['transfer-encoding'] !== undefined || (length !== undefined && length.trim() !== '0');
}

/** JSON bodies, with body-parser's failures turned into clear French 4xx errors. */
export function jsonBodyMiddleware(req: Request, res: Response, next: NextFunction) {
  if (/%00|\u0000/i.test(req.originalUrl)) return refuse(res, new AppException(AppErrorCode.BAD_REQUEST, 'Caractère nul interdit dans l’adresse.'));
  // The API speaks JSON only: a body of another type (a form, text) is refused, not read as empty.
  if (req.originalUrl.toLowerCase().startsWith('/api/') && carriesBody(req) && !typeis(req, ['application/json'])) {
    return refuse(res, new AppException(AppErrorCode.UNSUPPORTED_MEDIA_TYPE, 'Type de contenu non pris en charge : envoyez du JSON (Content-Type: application/json).'));
  }
  parseJson(req, res, (error?: unknown) => {
    if (!error) {
      // Depth, NUL, broken Unicode and prototype keys: refused before any other code walks the body.
      const problem = inspectInput(req.body, { prototypeKeys: true });
      if (problem) return refuse(res, inputRefusal(problem));
      return next();
    }
    const e = error as { type?: string; status?: number };
    if (e.type === 'entity.parse.failed') return refuse(res, new AppException(AppErrorCode.BAD_REQUEST, 'Le corps de la requête n’est pas un JSON valide.'));
    if (e.type === 'entity.too.large') return refuse(res, new AppException(AppErrorCode.PAYLOAD_TOO_LARGE, BODY_TOO_LARGE_MESSAGE));
    if (e.type === 'charset.unsupported' || e.type === 'encoding.unsupported') return refuse(res, new AppException(AppErrorCode.UNSUPPORTED_MEDIA_TYPE, 'Encodage non pris en charge : envoyez du JSON en UTF-8.'));
    return refuse(res, new AppException(AppErrorCode.BAD_REQUEST, 'Corps de requête illisible.'));
  });
}
