// Builds the HTTP application: one place for security headers, sessions, validation, errors and access declarations.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Fastify, { type FastifyError, type FastifyInstance, type FastifyRequest } from 'fastify';
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { authorizeGroup, authorizePupil, decideLoaded, groupOfDocument, parseId } from '../access/guard';
import { loadSessionAndPupil, type LoadedRelation } from '../access/relations';
import { loadSession, SESSION_COOKIE, type LoadedSession } from '../auth/session';
import { HttpError, unauthenticated } from './errors';
import type { AccessRule, AppContext } from './context';
import { registerRoutes } from './routes';

z.config(z.locales.nl());

const webRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../dist/web');

export type App = FastifyInstance;

/** Largest CSV upload (a board-wide result export). */
export const CSV_BODY_LIMIT = 64 * 1024 * 1024;

export async function buildApp(ctx: AppContext): Promise<FastifyInstance> {
  const app = Fastify({
    logger: ctx.config.LOG_LEVEL === 'silent' ? false : { level: ctx.config.LOG_LEVEL },
    // Only a reverse proxy on this machine may set X-Forwarded-For; otherwise the socket address counts
    // (rate limits and the audit log must not be fooled by a forged header).
    trustProxy: ctx.config.TRUST_PROXY ?? 'loopback',
    bodyLimit: 1_048_576,
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.decorate('ctx', ctx);
  app.decorate('accessRules', [] as AccessRule[]);
  app.decorateRequest('user', null);
  app.decorateRequest('pendingUserId', null);
  app.decorateRequest('sessionToken', null);
  app.decorateRequest('pupilScope', null);
  app.decorateRequest('groupScope', null);

  // CSV uploads arrive as raw bytes (the import decodes them itself: UTF-8 or Windows-1252, with or without BOM).
  app.addContentTypeParser('text/csv', { parseAs: 'buffer', bodyLimit: CSV_BODY_LIMIT }, (_req, body, done) => done(null, body));
  await app.register(cookie);
  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        styleSrc: ["'self'"],
        scriptSrc: ["'self'"],
        upgradeInsecureRequests: ctx.config.TLS === '1' ? [] : null,
      },
    },
  });
  await app.register(swagger, {
    openapi: {
      info: { title: 'Koers API', version: '0.1.0', description: 'Zorgstructuur: leerlingen, groepen, toegang en logboek.' },
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: SESSION_COOKIE } } },
      security: [{ session: [] }],
    },
    transform: jsonSchemaTransform,
  });

  // Every /api route must say how access to it is decided (see Access in context.ts).
  app.addHook('onRoute', (route) => {
    if (!route.url.startsWith('/api/')) return;
    if (!route.config?.access) throw new Error(`route ${route.method} ${route.url} declares no access rule`);
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    for (const method of methods) if (method !== 'HEAD') app.accessRules.push({ method, url: route.url, access: route.config.access });
  });

  const applySession = (req: FastifyRequest, session: LoadedSession | null) => {
    if (!session) return;
    if (session.stage === 'ok') req.user = session.user;
    else req.pendingUserId = session.user.userId;
  };

  app.addHook('onRequest', async (req) => {
    if (!req.url.startsWith('/api/')) return;
    const token = req.cookies[SESSION_COOKIE];
    if (!token) return;
    // A route that opens one pupil reads the session together with the relation to that pupil (preValidation below):
    // one statement instead of two on the busiest path.
    const access = req.routeOptions.config?.access;
    if (access?.kind === 'pupil' && parseId((req.params as Record<string, unknown>)[access.param ?? 'id']) != null) {
      req.sessionToken = token;
      return;
    }
    applySession(req, await loadSession(ctx.db, token));
  });

  // Cross-site request forgery: state-changing requests must be JSON (a form post cannot send that) from our own origin.
  app.addHook('onRequest', async (req) => {
    // (DELETE carries no body and cannot be sent cross-site without a CORS preflight, which Koers never grants.)
    if (req.method === 'GET' || req.method === 'HEAD' || req.method === 'OPTIONS' || !req.url.startsWith('/api/')) return;
    const origin = req.headers.origin;
    if (origin) {
      let host: string | null = null;
      try { host = new URL(origin).host; } catch { /* an opaque origin ("null") is foreign too */ }
      if (host !== req.headers.host) throw new HttpError(403, 'bad_origin', 'Dit verzoek komt van een andere website.');
    }
    const type = req.headers['content-type'] ?? '';
    // text/csv (file uploads such as the result import) is not a CORS-safelisted type either: a foreign page cannot send it without a preflight.
    if (req.method !== 'DELETE' && !type.startsWith('application/json') && !type.startsWith('text/csv')) throw new HttpError(415, 'json_required', 'Verzoeken moeten JSON zijn.');
  });

  // Access is decided before the body is validated, so an outsider learns nothing from validation errors.
  app.addHook('preValidation', async (req) => {
    const access = req.routeOptions.config.access;
    if (!access || access.kind === 'public') return;
    let loaded: { pupilId: number; relation: LoadedRelation | null } | null = null;
    if (access.kind === 'pupil' && req.sessionToken) {
      const pupilId = parseId((req.params as Record<string, unknown>)[access.param ?? 'id'])!;
      const found = await loadSessionAndPupil(ctx.db, req.sessionToken, pupilId, ctx.clock.today(), access.preload);
      applySession(req, found?.session ?? null);
      if (found) loaded = { pupilId, relation: found.relation };
    }
    if (access.kind === 'pending') {
      if (req.pendingUserId == null) throw new HttpError(401, 'unauthenticated', 'Log eerst in met uw wachtwoord.');
      return;
    }
    if (!req.user) throw unauthenticated();
    if (req.user.mfaSetupRequired && !(access.kind === 'user' && access.duringMfaSetup)) {
      throw new HttpError(403, 'mfa_setup_required', 'Uw school vraagt tweestapsverificatie. Stel die eerst in op uw accountpagina.');
    }
    const params = req.params as Record<string, string>;
    if (access.kind === 'pupil') {
      const { row, ...rel } = loaded
        ? await decideLoaded(req, loaded.pupilId, loaded.relation, access.action)
        : await authorizePupil(req, params[access.param ?? 'id'], access.action, ctx.db, access.preload);
      req.pupilScope = { pupilId: rel.pupilId, schoolId: rel.schoolId, basis: rel.basis, relation: rel, ...(access.preload ? { preloaded: row } : {}) };
    } else if (access.kind === 'group') {
      const documentId = access.via ? await groupOfDocument(ctx.db, access.via, params.id) : null;
      const rel = await authorizeGroup(req, documentId ? String(documentId.groupId) : params.id, access.action);
      const { groupId, basis, ...relation } = rel;
      req.groupScope = { groupId, schoolId: rel.schoolId, basis, relation, ...(documentId ? { documentId: documentId.id } : {}) };
    }
  });

  app.setErrorHandler((err: FastifyError & { validation?: unknown }, req, reply) => {
    if (err instanceof HttpError) {
      return reply.status(err.status).send({ error: err.code, message: err.message, ...(err.fields ? { fields: err.fields } : {}), ...err.extra });
    }
    if (err.validation || err.code === 'FST_ERR_VALIDATION') {
      const fields: Record<string, string> = {};
      const issues = (err as unknown as { validation: { instancePath?: string; message?: string; params?: { issue?: { path?: unknown[] } } }[] }).validation ?? [];
      for (const v of issues) {
        const key = (v.instancePath ?? '').replace(/^\//, '').replace(/\//g, '.') || 'body';
        fields[key] ??= v.message ?? 'Ongeldige waarde.';
      }
      return reply.status(422).send({ error: 'validation', message: 'Controleer de gemarkeerde velden.', fields });
    }
    if (err.statusCode && err.statusCode >= 400 && err.statusCode < 500) {
      const message = err.statusCode === 415 ? 'Verzoeken moeten JSON zijn.'
        : err.statusCode === 413 ? 'Het verzoek is te groot.'
        : err.statusCode === 429 ? 'Te veel verzoeken. Probeer het over een paar minuten opnieuw.'
        : 'Het verzoek is ongeldig.';
      return reply.status(err.statusCode).send({ error: err.code ?? 'bad_request', message });
    }
    req.log.error(err);
    return reply.status(500).send({ error: 'internal', message: 'Er ging iets mis aan onze kant. Probeer het later opnieuw.' });
  });

  app.get('/healthz', async () => ({ ok: true }));
  app.get('/api/openapi.json', { schema: { hide: true }, config: { access: { kind: 'public' } } }, async () => app.swagger());

  await registerRoutes(app);

  app.setNotFoundHandler((req, reply) => {
    if (req.url.startsWith('/api/')) return reply.status(404).send({ error: 'not_found', message: 'Deze pagina van de API bestaat niet.' });
    if (req.method !== 'GET' || !fs.existsSync(path.join(webRoot, 'index.html'))) {
      return reply.status(404).type('text/plain').send('Niet gevonden. Bouw de webclient met `npm run build`.');
    }
    return reply.type('text/html').sendFile('index.html', webRoot);
  });
  if (fs.existsSync(webRoot)) {
    await app.register(fastifyStatic, { root: webRoot, index: false, wildcard: false, maxAge: '1h' });
  }

  return app;
}
