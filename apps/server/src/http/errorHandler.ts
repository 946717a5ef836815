import type { FastifyError, FastifyInstance } from 'fastify';
import { z } from 'zod';
import { HistoryError } from '../documents/HistoryError.ts';
import { AppError, errorCatalogue, type ErrorCode } from '../errors/AppError.ts';
import { withoutQuery } from './requestForLog.ts';

/** Fastify's own error codes that the API reports under a stable code of ours. */
const fastifyCodes: Record<string, ErrorCode> = {
  FST_ERR_CTP_INVALID_JSON_BODY: 'INVALID_JSON',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'INVALID_JSON',
  FST_ERR_CTP_BODY_TOO_LARGE: 'PAYLOAD_TOO_LARGE',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'UNSUPPORTED_MEDIA_TYPE',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'VALIDATION_FAILED',
};

const fallbackMessages: Partial<Record<ErrorCode, string>> = {
  INVALID_JSON: 'Forespørselen inneholder ugyldig JSON',
  PAYLOAD_TOO_LARGE: 'Forespørselen er for stor',
  UNSUPPORTED_MEDIA_TYPE: 'Forespørselen må være JSON',
  VALIDATION_FAILED: 'Ugyldig forespørsel',
  RATE_LIMITED: 'For mange forespørsler, prøv igjen senere',
};

/** Every error leaves as `{ error: { code, message } }`; internal details only reach the log. */
export function installErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError | Error, request, reply) => {
    if (error instanceof AppError) {
      const retryAfter = (error.details as { retryAfterSeconds?: number } | undefined)?.retryAfterSeconds;
      if (retryAfter !== undefined) reply.header('retry-after', String(retryAfter));
      return reply.status(error.status).send({ error: { code: error.code, message: error.message } });
    }
    if (error instanceof HistoryError) {
      // The reasons are codes of the catalogue, one for one.
      const code: ErrorCode = error.reason;
      return reply.status(errorCatalogue[code]).send({ error: { code, message: error.message } });
    }
    // Of any zod build: the API's schemas use zod, plan-model's zod/mini (a smaller bundle for the browser).
    if (error instanceof z.core.$ZodError) {
      const issues = error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message }));
      return reply.status(400).send({ error: { code: 'VALIDATION_FAILED', message: 'Ugyldig forespørsel', issues } });
    }
    const fastifyError = error as FastifyError;
    const mapped =
      (fastifyError.code && fastifyCodes[fastifyError.code]) ||
      (fastifyError.statusCode === 429 ? 'RATE_LIMITED' : undefined);
    if (mapped) {
      return reply
        .status(errorCatalogue[mapped])
        .send({ error: { code: mapped, message: fallbackMessages[mapped] ?? mapped } });
    }
    if (fastifyError.statusCode && fastifyError.statusCode >= 400 && fastifyError.statusCode < 500) {
      return reply
        .status(fastifyError.statusCode)
        .send({ error: { code: 'VALIDATION_FAILED', message: fallbackMessages.VALIDATION_FAILED } });
    }
    request.log.error({ err: error }, 'unhandled error');
    return reply.status(500).send({ error: { code: 'INTERNAL_ERROR', message: 'Noe gikk galt på serveren' } });
  });
  app.setNotFoundHandler((request, reply) =>
    reply
      .status(404)
      .send({ error: { code: 'NOT_FOUND', message: `Fant ikke ${request.method} ${withoutQuery(request.url)}` } }),
  );
}
