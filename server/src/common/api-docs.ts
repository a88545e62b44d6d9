import { applyDecorators, createParamDecorator, ExecutionContext } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional, ApiResponse } from '@nestjs/swagger';

// How the OpenAPI document (/api/docs) describes what every operation may answer, so that a
// scanner-app vendor, or the structure space's generated client, knows each shape.

/** Every error answer (SPEC §4): a status, a French message for a person, details when there are any. */
export class ApiErrorDto {
  @ApiProperty({ example: 400 }) statusCode!: number;
  @ApiProperty({ example: 'Bad Request' }) error!: string;
  @ApiProperty({ example: 'Données invalides — bank.iban : IBAN invalide : longueur du pays ou clé de contrôle incorrecte' }) message!: string;
  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: true,
    properties: {
      fields: {
        type: 'object',
        additionalProperties: { type: 'array', items: { type: 'string' } },
        description: 'The refused fields (dotted path) with their messages in French',
        example: { 'bank.iban': ['IBAN invalide : longueur du pays ou clé de contrôle incorrecte'] },
      },
    },
    description: 'Per-field messages (400), or what the refusal is about',
  })
  details?: { fields?: Record<string, string[]> } & Record<string, unknown>;
  @ApiPropertyOptional({ description: 'Quote it to the APTIC team' }) requestId?: string;
}

const ERROR_MEANINGS: Record<number, string> = {
  400: 'Malformed request: nothing changed; per-field messages in details.fields',
  401: 'Missing, unknown or revoked key (Authorization: Bearer apk_…)',
  403: 'The structure may not do this (suspended, not eligible)',
  404: 'Not found for this caller',
  409: 'Refused in the record’s current state (it changed, or is being handled by the APTIC team)',
  413: 'Body over 100 kB',
  415: 'Body that is not JSON',
  422: 'Refused by a business rule; nothing changed',
  429: 'Too many requests: retry later',
};

/** The error answers an operation may give, each with the common error shape. */
export const ApiErrors = (...statuses: (keyof typeof ERROR_MEANINGS)[]) =>
  applyDecorators(...statuses.map((status) => ApiResponse({ status, type: ApiErrorDto, description: ERROR_MEANINGS[status] })));

/**
 * A request header's value, when sent once as text. Unlike Nest's @Headers(name), it adds no
 * parameter of its own to the OpenAPI document: the operation documents the header once, with
 * @ApiHeader, under its usual spelling.
 */
export const HeaderValue = createParamDecorator((name: string, ctx: ExecutionContext): string | undefined => {
  const value = ctx.switchToHttp().getRequest().headers[name.toLowerCase()];
  return typeof value === 'string' ? value : undefined;
});
