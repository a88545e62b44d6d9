import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import type { Request, Response } from 'express';
import { Prisma } from '../generated/prisma/client';
import { AppException } from './errors';
import { requestContext } from './request-context';
import { BODY_TOO_LARGE_MESSAGE } from './request-logging';

export interface ErrorBody {
  statusCode: number;
  error: string;
  message: string;
  details?: Record<string, unknown>;
  requestId?: string;
}

const REASON: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  409: 'Conflict',
  413: 'Payload Too Large',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Entity',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

const DEFAULT_MESSAGE: Record<number, string> = {
  400: 'Requête invalide.',
  401: 'Authentification requise : connectez-vous.',
  403: "Vous n'avez pas les droits nécessaires pour cette action.",
  404: 'Ressource introuvable.',
  405: 'Méthode non autorisée.',
  409: 'Conflit avec l’état actuel de la ressource.',
  413: 'Requête trop volumineuse.',
  415: 'Type de contenu non pris en charge : envoyez du JSON.',
  429: 'Trop de tentatives : réessayez dans un moment.',
  500: 'Erreur interne : l’équipe technique a été prévenue. Réessayez plus tard.',
};

/** Turns every error into SPEC's JSON error shape, with the request id; never leaks internals. */
@Catch()
export class AllExceptionsFilter implements ExceptionFilter {
  private readonly logger = new Logger('Errors');

  catch(exception: unknown, host: ArgumentsHost) {
    if (host.getType() !== 'http') throw exception;
    const ctx = host.switchToHttp();
    const response = ctx.getResponse<Response>();
    const request = ctx.getRequest<Request>();
    const body = this.toBody(exception);
    body.requestId = requestContext.requestId() ?? (request.headers['x-request-id'] as string | undefined);
    if (body.statusCode >= 500) {
      this.logger.error(
        { message: 'unhandled error', requestId: body.requestId, method: request.method, url: request.originalUrl, error: exception instanceof Error ? exception.stack : String(exception) },
      );
    }
    if (response.headersSent) return;
    // RFC 9110: a 401 names the scheme that would be accepted.
    if (body.statusCode === 401) response.setHeader('WWW-Authenticate', 'Bearer realm="aptic"');
    response.status(body.statusCode).json(body);
  }

  toBody(exception: unknown): ErrorBody {
    if (exception instanceof AppException) {
      return this.shape(exception.status, exception.message, exception.details);
    }
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const res = exception.getResponse();
      let message: string | undefined;
      let details: Record<string, unknown> | undefined;
      if (typeof res === 'string') message = res;
      else if (res && typeof res === 'object') {
        const r = res as Record<string, unknown>;
        if (Array.isArray(r.message)) {
          details = { errors: r.message };
          message = `Données invalides : ${(r.message as string[]).join(' ; ')}`;
        } else if (typeof r.message === 'string') message = r.message;
        if (r.details && typeof r.details === 'object') details = r.details as Record<string, unknown>;
      }
      if (status === 404 && (!message || message.startsWith('Cannot '))) message = DEFAULT_MESSAGE[404];
      // Express's own words for an address it cannot decode (a "%" not followed by valid UTF-8).
      if (status === 400 && message?.startsWith('Failed to decode param')) message = 'Adresse invalide : un identifiant contient un encodage « % » incorrect.';
      if (status === 429) message = DEFAULT_MESSAGE[429];
      return this.shape(status, message, details);
    }
    if (exception instanceof Prisma.PrismaClientKnownRequestError) {
      switch (exception.code) {
        case 'P2002':
          return this.shape(409, 'Un enregistrement avec ces valeurs uniques existe déjà.', { fields: (exception.meta as any)?.target ?? (exception.meta as any)?.driverAdapterError?.cause?.constraint?.fields });
        case 'P2025':
          return this.shape(404, DEFAULT_MESSAGE[404]);
        case 'P2003':
          return this.shape(409, 'Cette opération casserait un lien avec un autre enregistrement.');
        case 'P2000':
          return this.shape(400, 'Une valeur est trop longue pour son champ.');
      }
    }
    // Errors from express middlewares (body-parser): malformed JSON, body too large, wrong charset.
    const e = exception as { status?: number; statusCode?: number; type?: string; expose?: boolean };
    const status = e?.status ?? e?.statusCode;
    if (typeof status === 'number' && status >= 400 && status < 500) {
      if (e.type === 'entity.parse.failed') return this.shape(400, 'Le corps de la requête n’est pas un JSON valide.');
      if (e.type === 'entity.too.large') return this.shape(413, BODY_TOO_LARGE_MESSAGE);
      return this.shape(status);
    }
    return this.shape(500);
  }

  private shape(statusCode: number, message?: string, details?: Record<string, unknown>): ErrorBody {
    const body: ErrorBody = {
      statusCode,
      error: REASON[statusCode] ?? 'Error',
      message: message || DEFAULT_MESSAGE[statusCode] || 'Erreur.',
    };
    if (details && Object.keys(details).length > 0) body.details = details;
    return body;
  }
}
