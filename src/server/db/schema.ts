// The database schema. `npm run db:generate` turns changes here into a new versioned migration in drizzle/.
// Keep to PostgreSQL 15 SQL: PGlite is PostgreSQL 18, production may be 15.
import { sql } from 'drizzle-orm';
import {
  bigserial, boolean, check, customType, date, index, integer, jsonb, numeric, pgTable, primaryKey, serial, smallint, text,
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
