// The group-cycle part of the school settings (`groupCycle` in school/settings.ts): which groepsoverzicht forms and
// groepsplan format a school uses, its instruction-group names and the fields it makes compulsory.
// This is the only group-cycle file that uses zod; the web imports model/hulpzinnen/checklists/smart without it.
import { z } from 'zod';
import { DOMAINS, type Domain } from '../assessments/instruments';
import { OVERVIEW_FORMS, PLAN_FORMATS, REQUIRED_FIELDS, type ClusterDef, type GroupCycleSettings, type PlanFormat } from './model';

/** The instruction-group name sets schools use (seed 003 ch. 4.4; seed 001), most support first. */
export const CLUSTER_PRESET_IDS = ['intensiefBasisVerrijkt', 'sterMaanZon', 'weerMeer'] as const;
export type ClusterPresetId = (typeof CLUSTER_PRESET_IDS)[number];

/**
 * Cluster name presets: intensief/basis/verrijkt (the default), ster/maan/zon, weer/meer. A school may also define its
 * own names (2–6 groups). Frozen: copy before changing (`defaultGroupCycleSettings` does).
 */
export const CLUSTER_PRESETS: Readonly<Record<ClusterPresetId, readonly Readonly<ClusterDef>[]>> = Object.freeze({
  intensiefBasisVerrijkt: Object.freeze([
    Object.freeze({ key: 'intensief', label: 'Intensief' }),
    Object.freeze({ key: 'basis', label: 'Basis' }),
    Object.freeze({ key: 'verrijkt', label: 'Verrijkt' }),
  ]),
  sterMaanZon: Object.freeze([
    Object.freeze({ key: 'ster', label: 'Ster' }),
    Object.freeze({ key: 'maan', label: 'Maan' }),
    Object.freeze({ key: 'zon', label: 'Zon' }),
  ]),
  weerMeer: Object.freeze([
    Object.freeze({ key: 'weer', label: 'Weer' }),
    Object.freeze({ key: 'meer', label: 'Meer' }),
  ]),
});

/** The subjects of vakspecifieke overviews: the four basic skills (seed 003 Bijlage 3 columns TL/BL/SP/RK). */
const PO_SUBJECTS: readonly Domain[] = ['technisch-lezen', 'begrijpend-lezen', 'spelling', 'rekenen-wiskunde'];

/** The formats a school can choose for groups 3–8 and VO (the thema-planning follows from `kindergartenThemes`). */
export const SCHOOL_PLAN_FORMATS = PLAN_FORMATS.filter((f) => f !== 'theme') as unknown as readonly [
  Exclude<PlanFormat, 'theme'>,
  ...Exclude<PlanFormat, 'theme'>[],
];

/** A cluster key: lowercase letters and digits, words joined by '-' (stored on pupils and plan rows). */
export const CLUSTER_KEY_PATTERN = /^[a-z0-9]+(-[a-z0-9]+)*$/;

function unique<T>(list: readonly T[]): boolean {
  return new Set(list).size === list.length;
}

export const clusterDefSchema = z.object({
  key: z.string().min(1).max(30).regex(CLUSTER_KEY_PATTERN, 'Gebruik kleine letters, cijfers en streepjes.'),
  label: z.string().trim().min(1).max(40),
});

/** Each setting on its own (readGroupCycleSettings falls back per setting). */
const fieldSchemas = {
  overviewForms: z.array(z.enum(OVERVIEW_FORMS)).min(1).refine(unique, 'Elke vorm maar één keer.'),
  planFormat: z.enum(SCHOOL_PLAN_FORMATS),
  kindergartenThemes: z.boolean(),
  clusters: z
    .array(clusterDefSchema)
    .min(2)
    .max(6)
    .refine((c) => unique(c.map((d) => d.key)), 'Elke instructiegroep heeft een eigen sleutel.')
    .refine((c) => unique(c.map((d) => d.label.toLowerCase())), 'Elke instructiegroep heeft een eigen naam.'),
  subjects: z.array(z.enum(DOMAINS)).max(DOMAINS.length).refine(unique, 'Elk vak maar één keer.'),
  requiredFields: z.array(z.enum(REQUIRED_FIELDS)).refine(unique, 'Elk verplicht veld maar één keer.'),
};

/** Vakspecifieke overviews need at least one subject to choose from. */
function subjectsFitForms(s: { overviewForms: readonly string[]; subjects: readonly string[] }): boolean {
  return !s.overviewForms.includes('subject') || s.subjects.length > 0;
}

/**
 * Validation of `GroupCycleSettings`: at least one overview form, 2–6 instruction groups with distinct keys and names,
 * known subjects and required fields without duplicates, and at least one subject when vakspecifieke overviews are on.
 */
export const groupCycleSettingsSchema = z
  .object(fieldSchemas)
  .refine(subjectsFitForms, { message: 'Kies minstens één vak voor vakspecifieke groepsoverzichten.', path: ['subjects'] });

// Compile-time check that the schema and the shared interface stay the same shape.
type Parsed = z.infer<typeof groupCycleSettingsSchema>;
const _sameShape: [Parsed extends GroupCycleSettings ? true : false, GroupCycleSettings extends Parsed ? true : false] = [true, true];
void _sameShape;

/**
 * Defaults follow the seeds: PO works with the vakoverstijgend groepsoverzicht and groups 1–2 with the thema-planning
 * (seed 001); VO also keeps vakspecifieke overviews per subject (seed 003, cycle B), English included. Both use the
 * convergent groepsplan (Bijlage 10), intensief/basis/verrijkt and require needs for signalled pupils (Bijlage 7a items
 * a–e) and a measure and date per goal (Bijlage 6, M and T).
 */
export function defaultGroupCycleSettings(sector: 'po' | 'vo'): GroupCycleSettings {
  return {
    overviewForms: sector === 'po' ? ['crossSubject'] : ['crossSubject', 'subject'],
    planFormat: 'convergent',
    kindergartenThemes: sector === 'po',
    clusters: CLUSTER_PRESETS.intensiefBasisVerrijkt.map((c) => ({ ...c })),
    subjects: sector === 'po' ? [...PO_SUBJECTS] : [...PO_SUBJECTS, 'engels'],
    requiredFields: ['overview.needsForSignalled', 'plan.goalMeasure', 'plan.goalDueOn'],
  };
}

/**
 * Stored group-cycle settings may predate a setting or hold one a newer rule rejects: each setting is read on its own
 * and only a missing or invalid one falls back to the sector's default (same rule as readSchoolSettings).
 */
export function readGroupCycleSettings(sector: 'po' | 'vo', stored: unknown): GroupCycleSettings {
  const defaults = defaultGroupCycleSettings(sector);
  const given = (typeof stored === 'object' && stored !== null && !Array.isArray(stored) ? stored : {}) as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(fieldSchemas)) {
    const parsed = (field as z.ZodType).safeParse(given[key]);
    out[key] = parsed.success ? parsed.data : defaults[key as keyof GroupCycleSettings];
  }
  const read = out as unknown as GroupCycleSettings;
  if (!subjectsFitForms(read)) read.subjects = defaults.subjects;
  return read;
}

/**
 * The groepsplan format of a group: PO groups whose grades are all 1 or 2 (kleuters) plan with the thema-planning when
 * the school has `kindergartenThemes` on (seed 001); every other group uses the school's format (Bijlage 9/10/11).
 */
export function planFormatFor(settings: GroupCycleSettings, sector: 'po' | 'vo', grades: number[]): PlanFormat {
  if (sector === 'po' && settings.kindergartenThemes && grades.length > 0 && grades.every((g) => g <= 2)) return 'theme';
  return settings.planFormat;
}
