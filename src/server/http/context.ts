// What every request carries: the logged-in user (if any) and how the route declared its access.
import type { FastifyRequest } from 'fastify';
import type { Actor, GroupAction, GroupRelation, PupilAction, PupilRelation, Role } from '../../domain/access/policy';
import type { GroupDocument, Preload } from '../access/relations';
import type { Config } from '../config';
import type { Clock } from '../clock';
import type { Db } from '../db/client';

export interface SessionUser extends Actor {
  name: string;
  login: string;
  locale: 'nl' | 'en';
  totpEnabled: boolean;
  /** A school of the user makes two-factor login compulsory for one of their care roles, and it is not set up yet. */
  mfaSetupRequired: boolean;
  sessionId: string;
}

/**
 * Every /api route declares how access to it is decided (`config.access`); a route without one is refused at start-up.
 * - public: no login (login itself, password reset)
 * - pending: a session whose TOTP code is still due (the TOTP step)
 * - user: any logged-in user; the handler touches no pupil data, or filters through the policy itself (`list`)
 * - list: returns pupil data filtered row by row through the policy, and audits what it returns
 * - pupil: `params.id` (or `params.pupilId`) names a pupil; the policy decides `pupilAction` before the handler runs
 *   (`preload`: data of that pupil fetched in the same statement as the relation, see access/relations.ts)
 * - group: `params.id` names a group — or, with `via`, a group document (groepsoverzicht, groepsplan) whose group is
 *   looked up first; the policy decides `groupAction` before the handler runs
 * - school: set-up; the handler calls `authorizeSchool` for the school it touches
 */
export type Access =
  | { kind: 'public' }
  | { kind: 'pending' }
  | { kind: 'user'; duringMfaSetup?: boolean }
  | { kind: 'list' }
  | { kind: 'pupil'; action: PupilAction; param?: string; preload?: Preload }
  | { kind: 'group'; action: GroupAction; via?: GroupDocument }
  | { kind: 'school' };

export interface AppContext {
  db: Db;
  dbKind: 'pglite' | 'postgres';
  config: Config;
  clock: Clock;
}

/** The declared access rule of one route, kept so tests can check every route against the policy. */
export interface AccessRule {
  method: string;
  url: string;
  access: Access;
}

declare module 'fastify' {
  interface FastifyInstance {
    ctx: AppContext;
    accessRules: AccessRule[];
  }
  interface FastifyRequest {
    user: SessionUser | null;
    pendingUserId: number | null;
    /** Set instead of `user` on pupil routes: the session is read with the pupil relation, in preValidation. */
    sessionToken: string | null;
    /** Set by the pupil guard: the pupil and its school, after the policy allowed the route. */
    /** `preloaded`: the row the route's `preload` asked for, fetched with the relation (only set once the policy allowed). */
    pupilScope: { pupilId: number; schoolId: number; basis: string; relation: PupilRelation; preloaded?: unknown } | null;
    /** `documentId`: the overview or plan named by the route (access `via`), after the policy allowed it. */
    groupScope: { groupId: number; schoolId: number; basis: string; relation: GroupRelation; documentId?: number } | null;
  }
  interface FastifyContextConfig {
    access?: Access;
  }
}

export function requireUser(req: FastifyRequest): SessionUser {
  if (!req.user) throw new Error('route declared access but no user is present');
  return req.user;
}

export type { Role };
