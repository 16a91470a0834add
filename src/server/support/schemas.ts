// Request shapes of the individual-support API (see docs/api-contract.md, "Individual support", and
// domain/support/model.ts). Goals reuse the groepsplan's goal schema: a goal is the same structured object everywhere.
import { z } from 'zod';
import { DOMAINS } from '../../domain/assessments/instruments';
import { PEDAGOGICAL_DOMAINS, type NeedDomain } from '../../domain/group-cycle/model';
import {
  ACTION_PLAN_DECISIONS, ACTION_PLAN_FORMATS, EXIT_DESTINATIONS, FACTOR_AREAS, MEETING_PURPOSES, RESPONSE_KINDS,
  SUPPORT_PLAN_KINDS, SUPPORT_PLAN_STATUSES, SUPPORT_SETTINGS_PLACES,
  type ActionPlanDoc, type DevelopmentPerspectiveDoc, type ParentMeetingFields,
} from '../../domain/support/model';
import { goalSchema } from '../group-cycle/schemas';
import { isoDate } from '../students/repo';

const text = (max = 4000) => z.string().max(max, `Maximaal ${max} tekens.`);
const key = z.string().regex(/^[A-Za-z0-9_-]{1,40}$/, 'Ongeldige sleutel.');
const needDomain = z.enum([...PEDAGOGICAL_DOMAINS, ...DOMAINS, 'other']) as z.ZodType<NeedDomain>;
/** A row id: a positive PostgreSQL integer (a larger number would fail in the database, not in validation). */
const dbId = z.number().int().positive().max(2_147_483_647, 'Onbekend nummer.');
const goals = z.array(goalSchema).max(20, 'Hooguit 20 doelen per plan.');

export const organisationSchema = z.object({
  who: text(500),
  where: text(500),
  when: text(500),
  frequency: text(500),
  minutesPerWeek: z.number().int().min(0, 'Minuten per week kan niet negatief zijn.').max(3000, 'Meer dan 3000 minuten per week kan niet.').nullable(),
  place: z.enum(SUPPORT_SETTINGS_PLACES),
});

export const actionPlanDocSchema = z.object({
  kind: z.literal('actionPlan'),
  format: z.enum(ACTION_PLAN_FORMATS),
  subject: z.string().max(40),
  startsOn: isoDate.nullable(),
  endsOn: isoDate.nullable(),
  problem: text(),
  expectation: text(),
  needs: text(8000),
  goals,
  content: text(),
  approach: text(),
  organisation: organisationSchema,
  evaluationPlan: z.object({ how: text(1000), who: text(500) }),
  parentAgreements: text(),
  evaluation: z.object({ summary: text(), decision: z.enum(ACTION_PLAN_DECISIONS).nullable() }),
}) satisfies z.ZodType<ActionPlanDoc>;

const factor = z.object({ area: z.enum(FACTOR_AREAS), text: text(1000) });

export const oppDomainSchema = z.object({
  key,
  domain: needDomain,
  endGoal: text(1000),
  measure: z.enum(['dle', 'abilityScore']),
  instrumentId: dbId.nullable(),
  growth: z.array(z.object({ on: isoDate, value: z.number().finite().min(-1000).max(10000) })).max(40, 'Hooguit 40 punten per groeilijn.'),
  goals,
});

export const developmentPerspectiveDocSchema = z.object({
  kind: z.literal('developmentPerspective'),
  startsOn: isoDate.nullable(),
  endsOn: isoDate.nullable(),
  exitDestination: z.enum(EXIT_DESTINATIONS).nullable(),
  reasoning: text(),
  hinderingFactors: z.array(factor).max(30),
  stimulatingFactors: z.array(factor).max(30),
  needs: text(8000),
  support: text(8000),
  deviations: text(),
  organisation: organisationSchema,
  domains: z.array(oppDomainSchema).max(12, 'Hooguit 12 domeinen.'),
  pupilVoice: z.object({ heard: z.boolean(), heardOn: isoDate.nullable(), text: text(), notHeardReason: text(1000) }),
  involved: z.array(z.object({ name: text(200), role: text(200), organisation: text(200) })).max(30),
  parentAgreements: text(),
}) satisfies z.ZodType<DevelopmentPerspectiveDoc>;

export const supportPlanDocSchema = z.discriminatedUnion('kind', [actionPlanDocSchema, developmentPerspectiveDocSchema]);

export const versionBody = { version: z.number().int().nonnegative().max(2_147_483_647) };

const title = z.string().trim().min(2, 'Geef het plan een titel (minstens 2 tekens).').max(200, 'Maximaal 200 tekens.');

export const levelBody = z.object({
  level: z.string().trim().min(1, 'Kies een niveau.').max(40),
  startsOn: isoDate,
  reason: text(2000).default(''),
  question: text(1000).default(''),
  meeting: text(500).default(''),
  consentOn: isoDate.nullable().default(null),
  consentNote: text(1000).default(''),
});

export const levelPatchBody = z.object({
  reason: text(2000).optional(),
  question: text(1000).optional(),
  meeting: text(500).optional(),
  consentOn: isoDate.nullable().optional(),
  consentNote: text(1000).optional(),
});

export const createPlanBody = z.object({
  kind: z.enum(SUPPORT_PLAN_KINDS),
  title,
  format: z.enum(ACTION_PLAN_FORMATS).optional(),
  subject: z.string().max(40).nullable().optional(),
  pupilIds: z.array(dbId).max(30, 'Hooguit 30 leerlingen in één plan.').optional(),
  groupPlanId: dbId.nullable().optional(),
  groupPlanRow: z.string().max(40).nullable().optional(),
  previousPlanId: dbId.nullable().optional(),
  decidedOn: isoDate.nullable().optional(),
});

export const savePlanBody = z.object({ ...versionBody, title, doc: supportPlanDocSchema });
export const statusBody = z.object({ ...versionBody, status: z.enum(SUPPORT_PLAN_STATUSES) });
export const extendBody = z.object({ ...versionBody, endsOn: isoDate });

export const meetingFields = {
  heldOn: isoDate,
  purpose: z.enum(MEETING_PURPOSES),
  participants: text(1000),
  subject: text(1000),
  agreements: text(),
  schoolView: text(),
  parentView: text(),
  disagreement: z.boolean(),
  consequencesExplained: z.boolean(),
  earlierMeetingOn: isoDate.nullable(),
};
export const meetingBody = z.object(meetingFields) satisfies z.ZodType<ParentMeetingFields>;
export const meetingUpdateBody = z.object({ ...versionBody, ...meetingFields });

export const noteBody = z.object({
  notedOn: isoDate,
  text: z.string().trim().min(1, 'Schrijf wat er is gedaan of opgevallen.').max(4000, 'Maximaal 4000 tekens.'),
});

export const SCAN_MIMES = ['application/pdf', 'image/jpeg', 'image/png'] as const;
/** Largest scan, decoded. */
export const SCAN_MAX_BYTES = 5 * 1024 * 1024;

export const paperBody = z.object({
  guardianId: dbId,
  kind: z.enum(RESPONSE_KINDS),
  statement: z.string().max(4000, 'Maximaal 4000 tekens.').default(''),
  signedOn: isoDate,
  scan: z.object({
    filename: z.string().trim().min(1, 'Geef de scan een bestandsnaam.').max(200),
    mime: z.enum(SCAN_MIMES, 'Upload een pdf, jpg of png.'),
    dataBase64: z.string().min(4, 'Upload de scan.').max(Math.ceil(SCAN_MAX_BYTES / 3) * 4 + 4, 'De scan is groter dan 5 MB.')
      .regex(/^[A-Za-z0-9+/]+={0,2}$/, 'De scan is niet goed doorgekomen (geen base64).')
      .refine((s) => s.length % 4 === 0, 'De scan is niet goed doorgekomen (geen base64).'),
  }),
});

export const responseBody = z.object({
  kind: z.enum(RESPONSE_KINDS),
  statement: z.string().max(4000, 'Maximaal 4000 tekens.').default(''),
  contentHash: z.string().regex(/^[0-9a-f]{64}$/, 'Onbekende versie.'),
});

export const idParams = z.object({ id: z.string() });
export const planParams = z.object({ id: z.string(), planId: z.string() });
