import multipart from '@fastify/multipart';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { Logger } from 'nestjs-pino';
import type { IncomingMessage } from 'node:http';
import { AppModule } from './app.module';
import { DomainError } from './common/domain-error';
import { registerForeignOriginCors } from './common/cors';
import { registerInputLimits } from './common/input-limits';
import { registerSecurityHeaders } from './common/security-headers';
import { RequestLog, requestIdFor } from './common/logging';
import { AppConfig } from './config/config';
import { documentIdempotencyKey } from './idempotency/idempotency';
import { registerPactHotReads } from './pacts/pact-hot-reads';
import { registerAdmin } from './spa';

export const BODY_LIMIT = 1024 * 1024;
/** The routes that take a `multipart/form-data` body (a file upload). */
const MULTIPART_ROUTES = new Set(['/api/documents', '/api/imports']);

/** Builds the whole application exactly as production runs it (tests use this too). */
export async function createApp(config: AppConfig): Promise<NestFastifyApplication> {
  const adapter = new FastifyAdapter({
    bodyLimit: BODY_LIMIT,
    genReqId: (req: IncomingMessage) => requestIdFor(req),
    trustProxy: false,
    routerOptions: { maxParamLength: 200 },
  });
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.forRoot(config), adapter, {
    bufferLogs: true,
  });
  app.useLogger(app.get(Logger));
  app.setGlobalPrefix('api');
  app.enableShutdownHooks();

  const fastify = app.getHttpAdapter().getInstance();
  app.get(RequestLog).register(fastify);
  await registerForeignOriginCors(fastify, {
    origin: true,
    exposedHeaders: ['Content-Range', 'X-Request-Id', 'Idempotent-Replayed'],
  });
  fastify.addHook('onSend', async (request, reply, payload) => {
    // The reply is thenable (it settles once sent); header() itself is synchronous.
    void reply.header('x-request-id', request.id);
    if (request.url.startsWith('/api')) void reply.header('cache-control', 'no-store');
    return payload;
  });
  registerInputLimits(fastify);
  // multipart/form-data is read by the routes that take files (their handler streams it);
  // every other route answers it as before: 415.
  await app.register(multipart);
  fastify.addHook('preValidation', async (request) => {
    if (request.isMultipart() && !MULTIPART_ROUTES.has(request.routeOptions.url ?? ''))
      throw new DomainError(415, 'UNSUPPORTED_MEDIA_TYPE', {}, 'body: send JSON');
  });
  registerSecurityHeaders(fastify, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        // blob: the admin's previews of a document (an image, a PDF in a frame) made from the
        // bytes it fetched with the session's token.
        imgSrc: ["'self'", 'data:', 'blob:'],
        frameSrc: ["'self'", 'blob:'],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        frameAncestors: ["'none'"],
      },
    },
    crossOriginEmbedderPolicy: false,
  });
  registerAdmin(fastify, config.adminDist);
  registerPactHotReads(fastify, app);

  const openApi = new DocumentBuilder()
    .setTitle('GenerAttivi API')
    .setDescription(
      'The back office of the patti GenerAttivi. Lists follow react-admin simple REST: ' +
        '`filter`, `sort` and `range` as JSON in the query string; the total is in `Content-Range`.',
    )
    .setVersion('1.0')
    .addBearerAuth()
    .build();
  const document = () => documentIdempotencyKey(SwaggerModule.createDocument(app, openApi));
  SwaggerModule.setup('api/docs', app, document, {
    jsonDocumentUrl: 'api/docs/openapi.json',
  });

  await app.init();
  return app;
}
