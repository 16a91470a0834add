// Request and response shapes of the group-cycle API (see docs/api-contract.md and domain/group-cycle/model.ts).
import { z } from 'zod';
import { DOMAINS } from '../../domain/assessments/instruments';
import {
  CHECKLIST_TEMPLATES, GOAL_RESULTS, PEDAGOGICAL_DOMAINS, SIGNAL_REASONS, type Goal, type GoalResult, type NeedDomain,
  type OverviewLineFields, type PlanDocument, type PlanReflection, type PlanRow,
} from '../../domain/group-cycle/model';
import { isoDate } from '../students/repo';

const text = (max = 4000) => z.string().max(max, `Maximaal ${max} tekens.`);
const key = z.string().regex(/^[A-Za-z0-9_-]{1,40}$/, 'Ongeldige sleutel.');
const needDomain = z.enum([...PEDAGOGICAL_DOMAINS, ...DOMAINS, 'other']) as z.ZodType<NeedDomain>;
export const goalResult = z.enum(GOAL_RESULTS as [GoalResult, ...GoalResult[]]);

export const needSchema = z.object({
  key,
  domain: needDomain,
  goal: text(1000),
  needs: text(),
  phrases: z.array(z.string().max(40)).max(62),
});

export const lineFieldsSchema = z.object({
  signalled: z.boolean(),
  signalReasons: z.array(z.enum(SIGNAL_REASONS)).max(SIGNAL_REASONS.length),
  stimulating: text(),
  hindering: text(),
  observations: text(),
  pupilVoice: text(),
  parentVoice: text(),
  particulars: text(),
  needs: z.array(needSchema).max(20, 'Hooguit 20 onderwijsbehoeften per leerling.'),
}) satisfies z.ZodType<OverviewLineFields>;

export const goalSchema = z.object({
  key,
  domain: needDomain,
  what: text(1000),
  measure: text(1000),
  target: text(200),
  instrumentId: z.number().int().positive().nullable(),
  targetLevel: z.string().max(4).nullable(),
  targetScore: z.number().finite().nullable(),
  dueOn: isoDate.nullable(),
  ownerId: z.number().int().positive().nullable(),
  result: goalResult.nullable(),
  resultNote: text(),
  attainment: z.record(z.string().regex(/^\d{1,9}$/), goalResult),
  carriedFrom: z.string().max(40).nullable(),
}) satisfies z.ZodType<Goal>;

export const planRowSchema = z.object({
  key,
  kind: z.enum(['base', 'cluster', 'pupil']),
  clusterKey: z.string().max(40).nullable(),
  pupilId: z.number().int().positive().nullable(),
  theme: text(200),
  goals: z.array(goalSchema).max(20, 'Hooguit 20 doelen per rij.'),
  content: text(),
  approach: text(),
  organisation: z.object({
    minutesPerWeek: z.number().int().min(0, 'Minuten per week kan niet negatief zijn.').max(3000, 'Meer dan 3000 minuten per week kan niet.').nullable(),
    who: text(500),
    where: text(500),
    moments: text(1000),
  }),
  evaluationPlan: z.object({ who: text(500), how: text(1000), when: isoDate.nullable() }),
}) satisfies z.ZodType<PlanRow>;

export const planDocSchema = z.object({
  rows: z.array(planRowSchema).min(1, 'Een groepsplan heeft minstens één rij.').max(40),
  attentionPoints: text(),
}) satisfies z.ZodType<PlanDocument>;

export const reflectionSchema = z.object({
  instruction: text(), content: text(), time: text(), teacherSupport: text(),
}) satisfies z.ZodType<PlanReflection>;

export const checklistAnswersSchema = z.object({
  items: z.record(z.string().max(20), z.object({ rating: z.enum(['+', '-']).nullable(), comment: text(2000) })),
  agreements: text(),
});

export const checklistTemplate = z.enum(CHECKLIST_TEMPLATES);

export const requirementProblemSchema = z.object({
  field: z.string(), pupilId: z.number().optional(), rowKey: z.string().optional(), goalKey: z.string().optional(), message: z.string(),
});
export const smartFindingSchema = z.object({ letter: z.enum(['S', 'M', 'A', 'R', 'T']), code: z.string(), message: z.string() });
export const clusterProblemSchema = z.object({
  level: z.enum(['error', 'warning']), code: z.string(), message: z.string(), pupilIds: z.array(z.number()).optional(),
});
export const periodSchema = z.object({ id: z.number(), name: z.string(), startsOn: z.string(), endsOn: z.string(), current: z.boolean() });
export const versionBody = { version: z.number().int().nonnegative() };
