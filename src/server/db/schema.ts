// The database schema. `npm run db:generate` turns changes here into a new versioned migration in drizzle/.
// Keep to PostgreSQL 15 SQL: PGlite is PostgreSQL 18, production may be 15.
import { sql } from 'drizzle-orm';
import {
  bigint, bigserial, boolean, check, customType, date, index, integer, jsonb, numeric, pgTable, primaryKey, serial, smallint, text,
  timestamp, uniqueIndex,
} from 'drizzle-orm/pg-core';

/** Binary content (uploaded scans). */
const bytea = customType<{ data: Buffer; driverData: Buffer }>({ dataType: () => 'bytea' });

const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();

export const boards = pgTable('boards', {
  id: serial('id').primaryKey(),
  name: text('name').notNull(),
  createdAt: createdAt(),
});

export const schools = pgTable('schools', {
  id: serial('id').primaryKey(),
  boardId: integer('board_id').notNull().references(() => boards.id),
  name: text('name').notNull(),
  brin: text('brin').notNull(),
  sector: text('sector', { enum: ['po', 'vo'] }).notNull(),
  /** School settings (see domain/school/settings.ts); validated by the domain before it is stored. */
  settings: jsonb('settings').notNull().default({}),
  /**
   * Copy of settings.requireTotpForCareRoles, kept by PostgreSQL. Every request's session check reads it; the settings
   * document itself is several kB (TOASTed), too costly to open on every request.
   */
  requireTotpForCareRoles: boolean('require_totp_for_care_roles').notNull()
    .generatedAlwaysAs(sql`coalesce((settings->>'requireTotpForCareRoles')::boolean, false)`),
  createdAt: createdAt(),
}, (t) => [uniqueIndex('schools_brin_uq').on(t.brin)]);

export const schoolYears = pgTable('school_years', {
  id: serial('id').primaryKey(),
  schoolId: integer('school_id').notNull().references(() => schools.id),
  name: text('name').notNull(),
  startsOn: date('starts_on').notNull(),
  endsOn: date('ends_on').notNull(),
}, (t) => [
  uniqueIndex('school_years_school_name_uq').on(t.schoolId, t.name),
  check('school_years_dates_ck', sql`${t.endsOn} > ${t.startsOn}`),
]);

/** Care-cycle periods (zorgperiodes / cycli) of a school year. */
export const carePeriods = pgTable('care_periods', {
  id: serial('id').primaryKey(),
  schoolYearId: integer('school_year_id').notNull().references(() => schoolYears.id, { onDelete: 'cascade' }),
  seq: smallint('seq').notNull(),
  name: text('name').notNull(),
  startsOn: date('starts_on').notNull(),
  endsOn: date('ends_on').notNull(),
}, (t) => [uniqueIndex('care_periods_year_seq_uq').on(t.schoolYearId, t.seq)]);

/** A group (PO groep, possibly a combination like 4/5) or VO class, for one school year. */
export const groups = pgTable('groups', {
  id: serial('id').primaryKey(),
  schoolId: integer('school_id').notNull().references(() => schools.id),
  schoolYearId: integer('school_year_id').notNull().references(() => schoolYears.id),
  name: text('name').notNull(),
  /** PO: groep numbers (1..8, several for a combination group); VO: the leerjaar (1..6). */
  grades: smallint('grades').array().notNull(),
  /** VO level (vmbo-bb, havo, vwo, ...); null in PO. */
  level: text('level'),
  version: integer('version').notNull().default(1),
}, (t) => [
  uniqueIndex('groups_year_name_uq').on(t.schoolYearId, t.name),
  index('groups_school_idx').on(t.schoolId),
]);

export const users = pgTable('users', {
  id: serial('id').primaryKey(),
  login: text('login').notNull(),
  name: text('name').notNull(),
  email: text('email'),
  phone: text('phone'),
  passwordHash: text('password_hash'),
  totpSecret: text('totp_secret'),
  totpEnabled: boolean('totp_enabled').notNull().default(false),
  locale: text('locale', { enum: ['nl', 'en'] }).notNull().default('nl'),
  disabled: boolean('disabled').notNull().default(false),
  passwordChangedAt: timestamp('password_changed_at', { withTimezone: true }),
  version: integer('version').notNull().default(1),
  createdAt: createdAt(),
}, (t) => [uniqueIndex('users_login_uq').on(sql`lower(${t.login})`)]);

/** A role a user holds, scoped to a school (or, for board-level roles, to a board). A person can hold several. */
export const userRoles = pgTable('user_roles', {
  id: serial('id').primaryKey(),
  userId: integer('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
  role: text('role', {
    enum: ['teacher', 'mentor', 'subject_teacher', 'care_coordinator', 'director', 'admin', 'parent', 'board'],
  }).notNull(),
  schoolId: integer('school_id').references(() => schools.id),
  boardId: integer('board_id').references(() => boards.id),
}, (t) => [
  index('user_roles_user_idx').on(t.userId),
  check('user_roles_scope_ck', sql`(${t.schoolId} is not null) <> (${t.boardId} is not null)`),
]);

/** Staff attached to a group: the group teacher(s), the mentor, subject teachers. */
export const groupStaff = pgTable('group_staff', {
  groupId: integer('group_id').notNull().references(() => groups.id, { onDelete: 'cascade' }),
  userId: integer('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
  kind: text('kind', { enum: ['teacher', 'mentor', 'subject_teacher'] }).notNull(),
}, (t) => [primaryKey({ columns: [t.groupId, t.userId, t.kind] }), index('group_staff_user_idx').on(t.userId)]);

export const pupils = pgTable('pupils', {
  id: serial('id').primaryKey(),
  schoolId: integer('school_id').notNull().references(() => schools.id),
  firstName: text('first_name').notNull(),
  lastName: text('last_name').notNull(),
  birthDate: date('birth_date').notNull(),
  entryDate: date('entry_date').notNull(),
  leaveDate: date('leave_date'),
  version: integer('version').notNull().default(1),
  createdAt: createdAt(),
}, (t) => [index('pupils_school_idx').on(t.schoolId)]);

/** A pupil's place in a group for one school year (one per pupil per year). */
export const enrolments = pgTable('enrolments', {
  id: serial('id').primaryKey(),
  pupilId: integer('pupil_id').notNull().references(() => pupils.id, { onDelete: 'cascade' }),
  groupId: integer('group_id').notNull().references(() => groups.id),
  schoolYearId: integer('school_year_id').notNull().references(() => schoolYears.id),
  /** The pupil's own grade within a combination group (e.g. 4 in groep 4/5). */
  grade: smallint('grade'),
}, (t) => [
  uniqueIndex('enrolments_pupil_year_uq').on(t.pupilId, t.schoolYearId),
  index('enrolments_group_idx').on(t.groupId),
]);

/** Parents/carers (ouders/verzorgers): a parent account linked to a pupil, with or without gezag. */
export const guardians = pgTable('guardians', {
  pupilId: integer('pupil_id').notNull().references(() => pupils.id, { onDelete: 'cascade' }),
  userId: integer('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
  relation: text('relation').notNull(),
  hasAuthority: boolean('has_authority').notNull(),
}, (t) => [primaryKey({ columns: [t.pupilId, t.userId] }), index('guardians_user_idx').on(t.userId)]);

export const sessions = pgTable('sessions', {
  /** sha-256 of the cookie token, so a database leak does not leak live sessions. */
  id: text('id').primaryKey(),
  userId: integer('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
  /** 'ok' = fully logged in; 'totp' = password ok, TOTP code still due. */
  stage: text('stage', { enum: ['ok', 'totp'] }).notNull(),
  createdAt: createdAt(),
  expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  ip: text('ip'),
}, (t) => [index('sessions_user_idx').on(t.userId)]);

/** Failed logins, for the per-account and per-address rate limit (shared by all processes). */
export const loginFailures = pgTable('login_failures', {
  id: bigserial('id', { mode: 'number' }).primaryKey(),
  at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  loginKey: text('login_key').notNull(),
  ip: text('ip').notNull(),
}, (t) => [index('login_failures_login_idx').on(t.loginKey, t.at), index('login_failures_ip_idx').on(t.ip, t.at)]);

export const passwordResets = pgTable('password_resets', {
  tokenHash: text('token_hash').primaryKey(),
  userId: integer('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
  expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  usedAt: timestamp('used_at', { withTimezone: true }),
  createdAt: createdAt(),
});

/** E-mail outbox: every message is stored; a job sends it over SMTP when SMTP_URL is configured. */
export const outbox = pgTable('outbox', {
  id: serial('id').primaryKey(),
  schoolId: integer('school_id').references(() => schools.id),
  toAddress: text('to_address').notNull(),
  subject: text('subject').notNull(),
  body: text('body').notNull(),
  createdAt: createdAt(),
  sentAt: timestamp('sent_at', { withTimezone: true }),
  error: text('error'),
});

/** Append-only audit log of every read and write of pupil data (a trigger refuses UPDATE and DELETE). */
export const auditLog = pgTable('audit_log', {
  id: bigserial('id', { mode: 'number' }).primaryKey(),
  at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  actorId: integer('actor_id'),
  schoolId: integer('school_id'),
  pupilId: integer('pupil_id'),
  action: text('action').notNull(),
  entity: text('entity').notNull(),
  entityId: text('entity_id'),
  detail: jsonb('detail'),
  ip: text('ip'),
}, (t) => [
  // The one query of the log: a pupil's entries, newest first (GET /api/pupils/:id/audit pages by id). Every read
  // writes an entry, so each extra index costs every read: add one only with a query that needs it.
  index('audit_pupil_id_idx').on(t.pupilId, t.id),
]);

// ---- Pupil monitoring (leerlingvolgsysteem, issue 3) ----

/** A test or observation list a school uses (toets / instrument), with its moments and score kinds; editable per school. */
export const instruments = pgTable('instruments', {
  id: serial('id').primaryKey(),
  schoolId: integer('school_id').notNull().references(() => schools.id),
  /** Stable kebab-case code (the defaults' codes match DEFAULT_INSTRUMENTS). */
  code: text('code').notNull(),
  name: text('name').notNull(),
  domain: text('domain').notNull(),
  supplier: text('supplier').notNull(),
  moments: text('moments').array().notNull(),
  scoreKinds: text('score_kinds').array().notNull(),
  levelScale: text('level_scale', { enum: ['AE', 'IV'] }),
  active: boolean('active').notNull().default(true),
  version: integer('version').notNull().default(1),
}, (t) => [uniqueIndex('instruments_school_code_uq').on(t.schoolId, t.code)]);

/** Norm tables of an instrument: score → level per moment ('level') or score → DLE ('dle'); data as in domain/assessments/norms.ts. */
export const normTables = pgTable('norm_tables', {
  id: serial('id').primaryKey(),
  instrumentId: integer('instrument_id').notNull().references(() => instruments.id, { onDelete: 'cascade' }),
  kind: text('kind', { enum: ['level', 'dle'] }).notNull(),
  moment: text('moment'),
  data: jsonb('data').notNull(),
}, (t) => [uniqueIndex('norm_tables_uq').on(t.instrumentId, t.kind, sql`coalesce(${t.moment}, '')`)]);

/** An upload of a CSV file of results, from upload through preview to the one-transaction commit. */
export const resultImports = pgTable('result_imports', {
  id: serial('id').primaryKey(),
  schoolId: integer('school_id').notNull().references(() => schools.id),
  fileName: text('file_name').notNull(),
  sha256: text('sha256').notNull(),
  status: text('status', { enum: ['uploaded', 'committing', 'committed', 'failed'] }).notNull().default('uploaded'),
  uploadedBy: integer('uploaded_by').references(() => users.id),
  createdAt: createdAt(),
  committedAt: timestamp('committed_at', { withTimezone: true }),
  total: integer('total').notNull().default(0),
  inserted: integer('inserted').notNull().default(0),
  updated: integer('updated').notNull().default(0),
  unchanged: integer('unchanged').notNull().default(0),
  /** Rows written so far by the running commit, and when its job last said so (any process can show the progress). */
  processed: integer('processed').notNull().default(0),
  heartbeatAt: timestamp('heartbeat_at', { withTimezone: true }),
  /** The decoded CSV text; cleared after a successful commit. */
  content: text('content'),
  error: text('error'),
}, (t) => [index('result_imports_school_idx').on(t.schoolId, t.createdAt)]);

/** One test result of one pupil on one instrument at one moment of one school year. */
export const results = pgTable('results', {
  id: bigserial('id', { mode: 'number' }).primaryKey(),
  pupilId: integer('pupil_id').notNull().references(() => pupils.id, { onDelete: 'cascade' }),
  instrumentId: integer('instrument_id').notNull().references(() => instruments.id),
  schoolYearId: integer('school_year_id').notNull().references(() => schoolYears.id),
  moment: text('moment').notNull(),
  takenOn: date('taken_on').notNull(),
  /** The pupil's grade (PO groep / VO leerjaar) when the test was taken. */
  grade: smallint('grade'),
  rawScore: numeric('raw_score'),
  abilityScore: numeric('ability_score'),
  level: text('level'),
  percentile: smallint('percentile'),
  dle: numeric('dle'),
  textValue: text('text_value'),
  importId: integer('import_id').references(() => resultImports.id, { onDelete: 'set null' }),
  enteredBy: integer('entered_by').references(() => users.id, { onDelete: 'set null' }),
  createdAt: createdAt(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  version: integer('version').notNull().default(1),
}, (t) => [
  uniqueIndex('results_key_uq').on(t.pupilId, t.instrumentId, t.schoolYearId, t.moment),
  index('results_instrument_year_moment_idx').on(t.instrumentId, t.schoolYearId, t.moment),
]);

/**
 * A counter per pupil that every insert, update and delete of the pupil's results raises (statement triggers in
 * migration 0008). The groepsoverzicht cache fingerprints results through it instead of reading every result row.
 */
export const pupilResultStamps = pgTable('pupil_result_stamps', {
  pupilId: integer('pupil_id').primaryKey(),
  stamp: bigint('stamp', { mode: 'number' }).notNull(),
});

/** A school's signalling rule (signalering): which results mark a pupil for attention or enrichment. */
export const signalRules = pgTable('signal_rules', {
  id: serial('id').primaryKey(),
  schoolId: integer('school_id').notNull().references(() => schools.id),
  kind: text('kind').notNull(),
  label: text('label').notNull(),
  params: jsonb('params').notNull(),
  domains: text('domains').array().notNull().default(sql`'{}'::text[]`),
  active: boolean('active').notNull().default(true),
  version: integer('version').notNull().default(1),
}, (t) => [index('signal_rules_school_idx').on(t.schoolId)]);

// ---- The HGW group cycle (groepsoverzicht, groepsplan; issue 4) ----

/** A groepsoverzicht of one group for one care-cycle period, in one form (vakoverstijgend, or vakspecifiek per subject). */
export const groupOverviews = pgTable('group_overviews', {
  id: serial('id').primaryKey(),
  schoolId: integer('school_id').notNull().references(() => schools.id),
  groupId: integer('group_id').notNull().references(() => groups.id, { onDelete: 'cascade' }),
  periodId: integer('period_id').notNull().references(() => carePeriods.id, { onDelete: 'cascade' }),
  form: text('form', { enum: ['crossSubject', 'subject'] }).notNull(),
  /** The subject (assessment domain) of a vakspecifiek overview; '' for vakoverstijgend. */
  subject: text('subject').notNull().default(''),
  status: text('status', { enum: ['draft', 'final'] }).notNull().default('draft'),
  /** Guards the overview-wide parts (clustering, attention points, status); each pupil line has its own version. */
  version: integer('version').notNull().default(1),
  attentionPoints: text('attention_points').notNull().default(''),
  createdBy: integer('created_by').references(() => users.id, { onDelete: 'set null' }),
  createdAt: createdAt(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [uniqueIndex('group_overviews_uq').on(t.groupId, t.periodId, t.form, t.subject)]);

/** One pupil's line in a groepsoverzicht: what the teacher wrote (domain OverviewLineFields) and the instruction group. */
export const groupOverviewLines = pgTable('group_overview_lines', {
  overviewId: integer('overview_id').notNull().references(() => groupOverviews.id, { onDelete: 'cascade' }),
  pupilId: integer('pupil_id').notNull().references(() => pupils.id, { onDelete: 'cascade' }),
  version: integer('version').notNull().default(1),
  cluster: text('cluster'),
  fields: jsonb('fields').notNull(),
  updatedBy: integer('updated_by').references(() => users.id, { onDelete: 'set null' }),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [primaryKey({ columns: [t.overviewId, t.pupilId] }), index('group_overview_lines_pupil_idx').on(t.pupilId)]);

/** The groepsplan written from one overview: the plan document (domain PlanDocument), its status and evaluation. */
export const groupPlans = pgTable('group_plans', {
  id: serial('id').primaryKey(),
  schoolId: integer('school_id').notNull().references(() => schools.id),
  groupId: integer('group_id').notNull().references(() => groups.id, { onDelete: 'cascade' }),
  periodId: integer('period_id').notNull().references(() => carePeriods.id, { onDelete: 'cascade' }),
  overviewId: integer('overview_id').notNull().references(() => groupOverviews.id, { onDelete: 'cascade' }),
  format: text('format', { enum: ['crossSubject', 'convergent', 'divergent', 'theme'] }).notNull(),
  status: text('status', { enum: ['draft', 'active', 'evaluated'] }).notNull().default('draft'),
  version: integer('version').notNull().default(1),
  /** Counts the tussentijdse bijstellingen: the earlier documents are kept in group_plan_revisions. */
  revision: integer('revision').notNull().default(1),
  doc: jsonb('doc').notNull(),
  reflection: jsonb('reflection').notNull(),
  evaluatedOn: date('evaluated_on'),
  createdBy: integer('created_by').references(() => users.id, { onDelete: 'set null' }),
  createdAt: createdAt(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [uniqueIndex('group_plans_overview_uq').on(t.overviewId)]);

/** An earlier version of a plan, kept when the plan is adjusted during its period. */
export const groupPlanRevisions = pgTable('group_plan_revisions', {
  planId: integer('plan_id').notNull().references(() => groupPlans.id, { onDelete: 'cascade' }),
  revision: integer('revision').notNull(),
  doc: jsonb('doc').notNull(),
  /** Why the plan was adjusted (entered with the adjustment that replaced this version). */
  reason: text('reason').notNull(),
  createdBy: integer('created_by').references(() => users.id, { onDelete: 'set null' }),
  createdAt: createdAt(),
}, (t) => [primaryKey({ columns: [t.planId, t.revision] })]);

/** A dated note on carrying out the plan (logboek), about the plan, one row or one pupil. */
export const groupPlanNotes = pgTable('group_plan_notes', {
  id: serial('id').primaryKey(),
  planId: integer('plan_id').notNull().references(() => groupPlans.id, { onDelete: 'cascade' }),
  rowKey: text('row_key'),
  pupilId: integer('pupil_id').references(() => pupils.id, { onDelete: 'cascade' }),
  notedOn: date('noted_on').notNull(),
  text: text('text').notNull(),
  authorId: integer('author_id').references(() => users.id, { onDelete: 'set null' }),
  createdAt: createdAt(),
}, (t) => [index('group_plan_notes_plan_idx').on(t.planId)]);

/** A filled-in checklist (kijkwijzer, begrijpwijzer, planwijzer) against an overview or a plan. */
export const groupChecklists = pgTable('group_checklists', {
  targetKind: text('target_kind', { enum: ['overview', 'plan'] }).notNull(),
  targetId: integer('target_id').notNull(),
  template: text('template').notNull(),
  answers: jsonb('answers').notNull(),
  version: integer('version').notNull().default(1),
  updatedBy: integer('updated_by').references(() => users.id, { onDelete: 'set null' }),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [primaryKey({ columns: [t.targetKind, t.targetId, t.template] })]);

// ---- Individual support (issue 5): levels, handelingsplan, OPP, versions, parents' responses ----

/** A pupil's support level (ondersteuningsniveau) over a time span; `ends_on` null = current. */
export const supportLevels = pgTable('support_levels', {
  id: serial('id').primaryKey(),
  schoolId: integer('school_id').notNull().references(() => schools.id),
  pupilId: integer('pupil_id').notNull().references(() => pupils.id, { onDelete: 'cascade' }),
  level: text('level').notNull(),
  startsOn: date('starts_on').notNull(),
  endsOn: date('ends_on'),
  reason: text('reason').notNull().default(''),
  question: text('question').notNull().default(''),
  decidedBy: integer('decided_by').references(() => users.id, { onDelete: 'set null' }),
  decidedByName: text('decided_by_name').notNull().default(''),
  meeting: text('meeting').notNull().default(''),
  consentOn: date('consent_on'),
  consentNote: text('consent_note').notNull().default(''),
  createdBy: integer('created_by').references(() => users.id, { onDelete: 'set null' }),
  createdAt: createdAt(),
}, (t) => [
  index('support_levels_pupil_idx').on(t.pupilId, t.startsOn),
  index('support_levels_school_current_idx').on(t.schoolId).where(sql`${t.endsOn} is null`),
  check('support_levels_dates_ck', sql`${t.endsOn} is null or ${t.endsOn} >= ${t.startsOn}`),
]);

/** A handelingsplan or OPP. `doc` is the working text; published versions are in support_plan_versions. */
export const supportPlans = pgTable('support_plans', {
  id: serial('id').primaryKey(),
  schoolId: integer('school_id').notNull().references(() => schools.id),
  kind: text('kind', { enum: ['actionPlan', 'developmentPerspective'] }).notNull(),
  title: text('title').notNull(),
  status: text('status', { enum: ['draft', 'active', 'evaluated', 'closed'] }).notNull().default('draft'),
  /** Optimistic lock: every write bumps it; a stale write is a 409. */
  version: integer('version').notNull().default(1),
  doc: jsonb('doc').notNull(),
  /** Copied from doc on every write, for deadlines and lists. */
  startsOn: date('starts_on'),
  endsOn: date('ends_on'),
  extensions: smallint('extensions').notNull().default(0),
  /** OPP: start of the six-week clock (the decision that extra support is needed, or the enrolment). */
  decidedOn: date('decided_on'),
  groupPlanId: integer('group_plan_id').references(() => groupPlans.id, { onDelete: 'set null' }),
  groupPlanRow: text('group_plan_row'),
  /** A follow-on plan points at the plan it continues. */
  previousPlanId: integer('previous_plan_id'),
  createdBy: integer('created_by').references(() => users.id, { onDelete: 'set null' }),
  createdAt: createdAt(),
  updatedBy: integer('updated_by').references(() => users.id, { onDelete: 'set null' }),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [index('support_plans_school_idx').on(t.schoolId, t.status)]);

/** The pupils of a plan: one, or several for a handelingsplan without names (seed 000). */
export const supportPlanPupils = pgTable('support_plan_pupils', {
  planId: integer('plan_id').notNull().references(() => supportPlans.id, { onDelete: 'cascade' }),
  pupilId: integer('pupil_id').notNull().references(() => pupils.id, { onDelete: 'cascade' }),
}, (t) => [primaryKey({ columns: [t.planId, t.pupilId] }), index('support_plan_pupils_pupil_idx').on(t.pupilId)]);

/** A published, numbered version. Append-only (migration trigger): what a parent signed never changes. */
export const supportPlanVersions = pgTable('support_plan_versions', {
  id: serial('id').primaryKey(),
  planId: integer('plan_id').notNull().references(() => supportPlans.id),
  number: integer('number').notNull(),
  title: text('title').notNull(),
  doc: jsonb('doc').notNull(),
  /** sha-256 (hex) of the canonical JSON of { title, doc }. */
  contentHash: text('content_hash').notNull(),
  publishedBy: integer('published_by').references(() => users.id),
  publishedByName: text('published_by_name').notNull(),
  publishedAt: timestamp('published_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [uniqueIndex('support_plan_versions_uq').on(t.planId, t.number)]);

/** An uploaded scan (paper signature). */
export const supportPlanScans = pgTable('support_plan_scans', {
  id: serial('id').primaryKey(),
  planId: integer('plan_id').notNull().references(() => supportPlans.id),
  filename: text('filename').notNull(),
  mime: text('mime').notNull(),
  bytes: bytea('bytes').notNull(),
  size: integer('size').notNull(),
  uploadedBy: integer('uploaded_by').references(() => users.id, { onDelete: 'set null' }),
  uploadedAt: timestamp('uploaded_at', { withTimezone: true }).notNull().defaultNow(),
});

/** A parent's response to a version: signature (consent/refuse/agree/disagree) or comment. Append-only. */
export const supportPlanResponses = pgTable('support_plan_responses', {
  id: serial('id').primaryKey(),
  planId: integer('plan_id').notNull().references(() => supportPlans.id),
  versionId: integer('version_id').notNull().references(() => supportPlanVersions.id),
  pupilId: integer('pupil_id').notNull().references(() => pupils.id),
  guardianId: integer('guardian_id').notNull().references(() => users.id),
  guardianName: text('guardian_name').notNull(),
  kind: text('kind', { enum: ['consent', 'refuse', 'agree', 'disagree', 'comment'] }).notNull(),
  statement: text('statement').notNull().default(''),
  method: text('method', { enum: ['digital', 'paper'] }).notNull(),
  contentHash: text('content_hash').notNull(),
  signedOn: date('signed_on').notNull(),
  recordedBy: integer('recorded_by').references(() => users.id),
  recordedByName: text('recorded_by_name').notNull(),
  recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull().defaultNow(),
  scanId: integer('scan_id').references(() => supportPlanScans.id),
}, (t) => [
  uniqueIndex('support_plan_responses_sign_uq').on(t.versionId, t.pupilId, t.guardianId).where(sql`${t.kind} <> 'comment'`),
  index('support_plan_responses_plan_idx').on(t.planId),
]);

/** A meeting with parents about a plan (oudergespreksformulier, seed 002 3.7). */
export const supportPlanMeetings = pgTable('support_plan_meetings', {
  id: serial('id').primaryKey(),
  planId: integer('plan_id').notNull().references(() => supportPlans.id, { onDelete: 'cascade' }),
  heldOn: date('held_on').notNull(),
  purpose: text('purpose', { enum: ['start', 'interim', 'evaluation', 'adjustment', 'other'] }).notNull(),
  participants: text('participants').notNull().default(''),
  subject: text('subject').notNull().default(''),
  agreements: text('agreements').notNull().default(''),
  schoolView: text('school_view').notNull().default(''),
  parentView: text('parent_view').notNull().default(''),
  disagreement: boolean('disagreement').notNull().default(false),
  consequencesExplained: boolean('consequences_explained').notNull().default(false),
  earlierMeetingOn: date('earlier_meeting_on'),
  version: integer('version').notNull().default(1),
  createdBy: integer('created_by').references(() => users.id, { onDelete: 'set null' }),
  createdAt: createdAt(),
  updatedBy: integer('updated_by').references(() => users.id, { onDelete: 'set null' }),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [index('support_plan_meetings_plan_idx').on(t.planId, t.heldOn)]);

/** Working notes on a plan (logboek): staff only, never shown to parents. */
export const supportPlanNotes = pgTable('support_plan_notes', {
  id: serial('id').primaryKey(),
  planId: integer('plan_id').notNull().references(() => supportPlans.id, { onDelete: 'cascade' }),
  notedOn: date('noted_on').notNull(),
  text: text('text').notNull(),
  authorId: integer('author_id').references(() => users.id, { onDelete: 'set null' }),
  authorName: text('author_name').notNull(),
  createdAt: createdAt(),
}, (t) => [index('support_plan_notes_plan_idx').on(t.planId, t.notedOn)]);

// ---- Meetings and the care calendar (issue 6) ----

/**
 * An item of the school's care calendar (jaarplanning / toetskalender) that is not a meeting: test weeks, analysis,
 * report weeks, parent talks, deadlines, PO→VO dates. Meetings live in `meetings` and join the calendar when it is read.
 */
export const calendarEvents = pgTable('calendar_events', {
  id: serial('id').primaryKey(),
  schoolId: integer('school_id').notNull().references(() => schools.id),
  schoolYearId: integer('school_year_id').notNull().references(() => schoolYears.id, { onDelete: 'cascade' }),
  /** CALENDAR_EVENT_KINDS in domain/calendar/model.ts. */
  kind: text('kind').notNull(),
  title: text('title').notNull(),
  startsOn: date('starts_on').notNull(),
  endsOn: date('ends_on').notNull(),
  /** A test week or deadline for one group; null = the whole school (or `grades`). */
  groupId: integer('group_id').references(() => groups.id, { onDelete: 'cascade' }),
  /** The grades (groep / leerjaar) it is for; empty = all. */
  grades: smallint('grades').array().notNull().default(sql`'{}'::smallint[]`),
  instrumentId: integer('instrument_id').references(() => instruments.id, { onDelete: 'set null' }),
  /** The test's domain (DOMAINS of assessments), for the date rules (seed 002: no reading test on a Monday). */
  domain: text('domain'),
  /** Who sees it: all staff, only the care roles (care coordinator, director), or also parents. */
  audience: text('audience', { enum: ['staff', 'care', 'everyone'] }).notNull().default('staff'),
  /** The template item it was generated from (re-generating replaces untouched items of the same key). */
  templateKey: text('template_key'),
  /** Set once a user changed the generated item: re-generating leaves it alone. */
  edited: boolean('edited').notNull().default(false),
  note: text('note').notNull().default(''),
  version: integer('version').notNull().default(1),
  createdBy: integer('created_by').references(() => users.id, { onDelete: 'set null' }),
  createdAt: createdAt(),
}, (t) => [
  index('calendar_events_school_idx').on(t.schoolId, t.startsOn),
  check('calendar_events_dates_ck', sql`${t.endsOn} >= ${t.startsOn}`),
]);

/** A user's private iCalendar feed: the URL carries a random token, stored hashed; a new token revokes the old one. */
export const calendarFeeds = pgTable('calendar_feeds', {
  userId: integer('user_id').primaryKey().references(() => users.id, { onDelete: 'cascade' }),
  tokenHash: text('token_hash').notNull(),
  createdAt: createdAt(),
  lastUsedAt: timestamp('last_used_at', { withTimezone: true }),
}, (t) => [uniqueIndex('calendar_feeds_token_uq').on(t.tokenHash)]);

/**
 * A meeting of the care structure: groepsbespreking (per group), leerlingbespreking, care-team meeting (zorgteam, SOT,
 * MDO, IZO, ZAT: the name is a school setting) or bilateraal overleg. Pupils are discussed in `meeting_cases`.
 */
export const meetings = pgTable('meetings', {
  id: serial('id').primaryKey(),
  schoolId: integer('school_id').notNull().references(() => schools.id),
  schoolYearId: integer('school_year_id').notNull().references(() => schoolYears.id, { onDelete: 'cascade' }),
  kind: text('kind', { enum: ['groupDiscussion', 'pupilDiscussion', 'careTeam', 'bilateral'] }).notNull(),
  title: text('title').notNull(),
  heldOn: date('held_on').notNull(),
  /** Local time 'HH:MM', or null (time not set yet). */
  startsAt: text('starts_at'),
  durationMinutes: smallint('duration_minutes').notNull(),
  location: text('location').notNull().default(''),
  /** The group of a groepsbespreking. */
  groupId: integer('group_id').references(() => groups.id, { onDelete: 'cascade' }),
  /** The care period a groepsbespreking closes (its evaluation) and opens. */
  periodId: integer('period_id').references(() => carePeriods.id, { onDelete: 'set null' }),
  chairId: integer('chair_id').references(() => users.id, { onDelete: 'set null' }),
  minuteTakerId: integer('minute_taker_id').references(() => users.id, { onDelete: 'set null' }),
  /** planned → held (minutes being written) → closed (minutes final, read-only); cancelled. */
  status: text('status', { enum: ['planned', 'held', 'closed', 'cancelled'] }).notNull().default('planned'),
  /** The agenda items (AgendaItem[]); their data points are computed when the agenda is read. */
  agenda: jsonb('agenda').notNull().default([]),
  /** The preparation checklist (Bijlage 17): per item key, done + bespreekpunt. */
  preparation: jsonb('preparation').notNull().default({}),
  /** The verslag: per field key (Bijlage 16 for a groepsbespreking), text. */
  minutes: jsonb('minutes').notNull().default({}),
  templateKey: text('template_key'),
  edited: boolean('edited').notNull().default(false),
  version: integer('version').notNull().default(1),
  createdBy: integer('created_by').references(() => users.id, { onDelete: 'set null' }),
  createdAt: createdAt(),
  updatedBy: integer('updated_by').references(() => users.id, { onDelete: 'set null' }),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [index('meetings_school_idx').on(t.schoolId, t.heldOn), index('meetings_group_idx').on(t.groupId)]);

/** Who takes part: staff (a user), externals (name + organisation, no login) and parents. */
export const meetingParticipants = pgTable('meeting_participants', {
  id: serial('id').primaryKey(),
  meetingId: integer('meeting_id').notNull().references(() => meetings.id, { onDelete: 'cascade' }),
  kind: text('kind', { enum: ['staff', 'external', 'parent'] }).notNull(),
  userId: integer('user_id').references(() => users.id, { onDelete: 'cascade' }),
  name: text('name').notNull(),
  organisation: text('organisation').notNull().default(''),
  /** Function: orthopedagoog, GGD-jeugdarts, leerplichtambtenaar, mentor, ... */
  role: text('role').notNull().default(''),
  attendance: text('attendance', { enum: ['invited', 'present', 'absent'] }).notNull().default('invited'),
}, (t) => [
  index('meeting_participants_meeting_idx').on(t.meetingId),
  index('meeting_participants_user_idx').on(t.userId),
  /** A colleague or parent is listed once per meeting (the add route checks first, under the meeting's row lock). */
  uniqueIndex('meeting_participants_person_uq').on(t.meetingId, t.kind, t.userId).where(sql`${t.userId} is not null`),
  check('meeting_participants_user_ck', sql`(${t.kind} = 'external') = (${t.userId} is null)`),
]);

/** Questions and support needs teachers hand in before a meeting (seed 003 5.1: "docenten kunnen vooraf vragen indienen"). */
export const meetingQuestions = pgTable('meeting_questions', {
  id: serial('id').primaryKey(),
  meetingId: integer('meeting_id').notNull().references(() => meetings.id, { onDelete: 'cascade' }),
  kind: text('kind', { enum: ['question', 'supportNeed'] }).notNull(),
  text: text('text').notNull(),
  authorId: integer('author_id').references(() => users.id, { onDelete: 'set null' }),
  authorName: text('author_name').notNull(),
  createdAt: createdAt(),
}, (t) => [index('meeting_questions_meeting_idx').on(t.meetingId)]);

/**
 * A pupil discussed in a meeting (a leerlingbespreking case, a care-team registration): the school part, the parents'
 * part, whether parents were informed before and after, the outcome. Visible per pupil through the access policy.
 */
export const meetingCases = pgTable('meeting_cases', {
  id: serial('id').primaryKey(),
  meetingId: integer('meeting_id').notNull().references(() => meetings.id, { onDelete: 'cascade' }),
  pupilId: integer('pupil_id').notNull().references(() => pupils.id, { onDelete: 'cascade' }),
  /** A case to discuss, or an announcement only (seed 002: "mededeling"). */
  kind: text('kind', { enum: ['discussion', 'announcement'] }).notNull().default('discussion'),
  proposedBy: integer('proposed_by').references(() => users.id, { onDelete: 'set null' }),
  proposedByName: text('proposed_by_name').notNull(),
  /** The begeleidingsvraag (support question of the teacher/mentor). */
  question: text('question').notNull(),
  /** The school part of the form, per field key. */
  form: jsonb('form').notNull().default({}),
  /** The parents' part (hulpvraag ouders, home situation, ...), per field key. */
  parentPart: jsonb('parent_part').notNull().default({}),
  /** Parents asked to fill in their part in the portal. */
  parentPartRequested: boolean('parent_part_requested').notNull().default(false),
  parentPartBy: text('parent_part_by').notNull().default(''),
  parentPartOn: date('parent_part_on'),
  /** Parents informed before the meeting: yes / no (with the reason: seed 003 allows it only for the pupil's safety). */
  parentsInformed: text('parents_informed', { enum: ['yes', 'no'] }),
  parentsInformedOn: date('parents_informed_on'),
  notInformedReason: text('not_informed_reason').notNull().default(''),
  /** Parents told the outcome after the meeting. */
  parentsToldOn: date('parents_told_on'),
  /** The outcome, per field key (agreements, follow-up; Bijlage 22 for a care-team meeting). */
  outcome: jsonb('outcome').notNull().default({}),
  /** Follow-up decided: FOLLOW_UPS of domain/meetings/model.ts. */
  followUp: text('follow_up').array().notNull().default(sql`'{}'::text[]`),
  caseManagerId: integer('case_manager_id').references(() => users.id, { onDelete: 'set null' }),
  /** The agreements shown to the parents in the portal. */
  publishedToParents: boolean('published_to_parents').notNull().default(false),
  version: integer('version').notNull().default(1),
  createdAt: createdAt(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [uniqueIndex('meeting_cases_uq').on(t.meetingId, t.pupilId), index('meeting_cases_pupil_idx').on(t.pupilId)]);

/**
 * The parents' written consent to discuss the pupil with externals (seed 002 level 4; seed 003 Bijlage 20 and 6.3.1):
 * who gave it, when, for what, digital or on paper. A withdrawal is a new row; the latest row counts.
 */
export const meetingConsents = pgTable('meeting_consents', {
  id: serial('id').primaryKey(),
  caseId: integer('case_id').notNull().references(() => meetingCases.id, { onDelete: 'cascade' }),
  pupilId: integer('pupil_id').notNull().references(() => pupils.id, { onDelete: 'cascade' }),
  decision: text('decision', { enum: ['given', 'refused', 'withdrawn'] }).notNull(),
  /** What the consent covers (which externals, for what). */
  scope: text('scope').notNull().default(''),
  givenByName: text('given_by_name').notNull(),
  guardianId: integer('guardian_id').references(() => users.id, { onDelete: 'set null' }),
  method: text('method', { enum: ['digital', 'paper'] }).notNull(),
  givenOn: date('given_on').notNull(),
  recordedBy: integer('recorded_by').references(() => users.id, { onDelete: 'set null' }),
  recordedByName: text('recorded_by_name').notNull(),
  recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [index('meeting_consents_case_idx').on(t.caseId, t.id)]);

/** A decision's action: owner, due date, done when and by whom. Feeds "Mijn taken" and the overdue board. */
export const meetingActions = pgTable('meeting_actions', {
  id: serial('id').primaryKey(),
  schoolId: integer('school_id').notNull().references(() => schools.id),
  meetingId: integer('meeting_id').notNull().references(() => meetings.id, { onDelete: 'cascade' }),
  caseId: integer('case_id').references(() => meetingCases.id, { onDelete: 'cascade' }),
  /** The case's pupil (copied), or null for an action about the group. */
  pupilId: integer('pupil_id').references(() => pupils.id, { onDelete: 'cascade' }),
  /** The decision (besluit) the action carries out. */
  decision: text('decision').notNull().default(''),
  description: text('description').notNull(),
  ownerId: integer('owner_id').notNull().references(() => users.id),
  dueOn: date('due_on').notNull(),
  doneAt: timestamp('done_at', { withTimezone: true }),
  doneBy: integer('done_by').references(() => users.id, { onDelete: 'set null' }),
  doneByName: text('done_by_name').notNull().default(''),
  doneNote: text('done_note').notNull().default(''),
  version: integer('version').notNull().default(1),
  createdBy: integer('created_by').references(() => users.id, { onDelete: 'set null' }),
  createdAt: createdAt(),
}, (t) => [
  index('meeting_actions_owner_idx').on(t.ownerId, t.dueOn).where(sql`${t.doneAt} is null`),
  index('meeting_actions_school_idx').on(t.schoolId, t.dueOn),
  index('meeting_actions_meeting_idx').on(t.meetingId),
]);

/** In-app notifications. They say *that* something waits (kind + params + link), never pupil content. */
export const notifications = pgTable('notifications', {
  id: bigserial('id', { mode: 'number' }).primaryKey(),
  userId: integer('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
  schoolId: integer('school_id').references(() => schools.id),
  kind: text('kind').notNull(),
  params: jsonb('params').notNull().default({}),
  link: text('link').notNull(),
  createdAt: createdAt(),
  readAt: timestamp('read_at', { withTimezone: true }),
}, (t) => [index('notifications_user_idx').on(t.userId, t.id)]);
