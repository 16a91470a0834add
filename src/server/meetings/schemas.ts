// Request shapes of the meetings API (responses: domain/meetings/views.ts).
import { z } from 'zod';
import { ATTENDANCE, FOLLOW_UPS, MEETING_KINDS, MEETING_STATUSES } from '../../domain/meetings/model';
import { isoDate } from '../students/repo';

const text = (max = 4000) => z.string().max(max, `Maximaal ${max} tekens.`);
const required = (label: string, max = 200) => z.string().trim().min(1, `Vul ${label} in.`).max(max, `Maximaal ${max} tekens.`);
const dbId = z.number().int().positive().max(2_147_483_647, 'Onbekend nummer.');
const time = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Gebruik een tijd als 15:30.');
const fieldKey = z.string().regex(/^[A-Za-z0-9_-]{1,40}$/, 'Ongeldige sleutel.');
const formValues = z.record(fieldKey, text(8000)).refine((r) => Object.keys(r).length <= 40, 'Te veel velden.');
export const version = z.number().int().min(1, 'Onbekende versie.');

export const idParams = z.object({ id: z.string() });
export const caseParams = z.object({ id: z.string(), caseId: z.string() });
export const participantParams = z.object({ id: z.string(), pid: z.string() });
export const actionParams = z.object({ id: z.string(), actionId: z.string() });

export const listQuery = z.object({
  schoolId: z.coerce.number().int().positive(),
  from: isoDate.optional(),
  to: isoDate.optional(),
  kind: z.enum(MEETING_KINDS).optional(),
});

export const boardQuery = z.object({
  schoolId: z.coerce.number().int().positive(),
  state: z.enum(['open', 'overdue', 'done', 'all']).default('all'),
});

export const agendaItemSchema = z.object({
  key: fieldKey,
  title: required('een titel', 200),
  guidance: text(4000).default(''),
  minutes: z.number().int().min(0, 'Minuten kunnen niet negatief zijn.').max(480, 'Hooguit 480 minuten.').nullable().default(null),
  note: text(4000).default(''),
});

export const createBody = z.object({
  schoolId: dbId,
  kind: z.enum(MEETING_KINDS),
  title: z.string().trim().max(200, 'Maximaal 200 tekens.').default(''),
  heldOn: isoDate,
  startsAt: time.nullable().default(null),
  durationMinutes: z.number().int().min(5, 'Minstens 5 minuten.').max(480, 'Hooguit 480 minuten.').nullable().default(null),
  location: text(200).default(''),
  groupId: dbId.nullable().default(null),
  periodId: dbId.nullable().default(null),
  chairId: dbId.nullable().default(null),
  minuteTakerId: dbId.nullable().default(null),
  participantIds: z.array(dbId).max(60, 'Hooguit 60 deelnemers.').default([]),
});

export const patchBody = z.object({
  version,
  title: required('een titel').optional(),
  heldOn: isoDate.optional(),
  startsAt: time.nullable().optional(),
  durationMinutes: z.number().int().min(5, 'Minstens 5 minuten.').max(480, 'Hooguit 480 minuten.').optional(),
  location: text(200).optional(),
  chairId: dbId.nullable().optional(),
  minuteTakerId: dbId.nullable().optional(),
  agenda: z.array(agendaItemSchema).max(40, 'Hooguit 40 agendapunten.').optional(),
  preparation: z.record(fieldKey, z.object({ done: z.boolean(), points: text(4000).default('') })).optional(),
  minutes: formValues.optional(),
  status: z.enum(MEETING_STATUSES).optional(),
});

export const participantBody = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('staff'), userId: dbId }),
  z.object({
    kind: z.literal('external'),
    name: required('de naam'),
    organisation: required('de organisatie'),
    role: required('de functie'),
  }),
]);

export const participantPatch = z.object({
  attendance: z.enum(ATTENDANCE).optional(),
  name: required('de naam').optional(),
  organisation: text(200).optional(),
  role: text(200).optional(),
});

export const questionBody = z.object({
  kind: z.enum(['question', 'supportNeed']).default('question'),
  text: required('uw vraag', 2000),
});

export const caseBody = z.object({
  pupilId: dbId,
  question: text(2000).default(''),
  kind: z.enum(['discussion', 'announcement']).default('discussion'),
  form: formValues.default({}),
});

export const casePatch = z.object({
  version,
  question: text(2000).optional(),
  kind: z.enum(['discussion', 'announcement']).optional(),
  form: formValues.optional(),
  parentPart: formValues.optional(),
  parentPartRequested: z.boolean().optional(),
  parentsInformed: z.enum(['yes', 'no']).nullable().optional(),
  parentsInformedOn: isoDate.nullable().optional(),
  notInformedReason: text(2000).optional(),
  parentsToldOn: isoDate.nullable().optional(),
  outcome: formValues.optional(),
  followUp: z.array(z.enum(FOLLOW_UPS)).max(FOLLOW_UPS.length).optional(),
  caseManagerId: dbId.nullable().optional(),
  publishedToParents: z.boolean().optional(),
});

export const consentBody = z.object({
  decision: z.enum(['given', 'refused', 'withdrawn']),
  scope: text(1000).default(''),
  givenByName: required('wie de toestemming gaf'),
  guardianId: dbId.nullable().default(null),
  method: z.enum(['paper', 'digital']).default('paper'),
  givenOn: isoDate,
});

export const actionBody = z.object({
  decision: text(2000).default(''),
  description: required('de actie', 1000),
  ownerId: dbId,
  dueOn: isoDate,
  caseId: dbId.nullable().default(null),
});

export const actionPatch = z.object({
  version,
  decision: text(2000).optional(),
  description: required('de actie', 1000).optional(),
  ownerId: dbId.optional(),
  dueOn: isoDate.optional(),
  done: z.boolean().optional(),
  note: text(2000).optional(),
});

export const pdfQuery = z.object({ part: z.enum(['agenda', 'minutes']).default('agenda') });

export const parentPartBody = z.object({ version, parentPart: formValues });

export const parentConsentBody = z.object({
  version,
  decision: z.enum(['given', 'refused', 'withdrawn']),
});
