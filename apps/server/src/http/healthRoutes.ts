import type { FastifyInstance } from 'fastify';
import type { DocumentStore } from '../storage/DocumentStore.ts';
import { AppError } from '../errors/AppError.ts';

export async function healthRoutes(app: FastifyInstance, options: { documents: DocumentStore }): Promise<void> {
  app.get('/healthz', async () => {
    try {
      await options.documents.ping();
    } catch {
      throw new AppError('STORE_UNAVAILABLE', 'Lagringen svarer ikke');
    }
    return { status: 'ok' };
  });
}
