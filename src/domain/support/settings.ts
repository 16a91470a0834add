// The individual-support part of the school settings (`support` in school/settings.ts): the school's level model
// (ondersteuningsniveaus), the handelingsplan term rules, the OPP deadlines, the OPP-candidate signal kinds and when
// tasks show. This is the only support file that uses zod; the web imports the other files without it.
import { z } from 'zod';
import { SIGNAL_KINDS } from '../assessments/codes';
import { LEVEL_PLAN_TYPES, LEVEL_PRESETS, type LevelDef, type SupportSettings } from './model';

/** A level key: letters and digits, words joined by '-' ('1', '2', 'basis', 'extra-1'). */
export const LEVEL_KEY_PATTERN = /^[A-Za-z0-9]+(-[A-Za-z0-9]+)*$/;

export const MIN_LEVELS = 2;
export const MAX_LEVELS = 7;

type PresetId = Exclude<(typeof LEVEL_PRESETS)[number], 'custom'>;

function level(
  key: string,
  label: string,
  description: string,
  planType: LevelDef['planType'],
  extra: Partial<Pick<LevelDef, 'extraSupport' | 'maxPeriods' | 'maxPeriodsPerQuestion' | 'requiresConsent'>> = {},
): LevelDef {
  return {
    key,
    label,
    description,
    planType,
    extraSupport: extra.extraSupport ?? false,
    maxPeriods: extra.maxPeriods ?? null,
    maxPeriodsPerQuestion: extra.maxPeriodsPerQuestion ?? null,
    requiresConsent: extra.requiresConsent ?? false,
  };
}

/**
 * The level models of the seeds. seed002: four zorgniveaus (level 2 at most two handelingsperioden, level 3 at most one
 * per hulpvraag, level 4 with the parents' written consent); seed001: five levels (1–2 basisondersteuning, 3–4 extra
 * ondersteuning through an arrangement, 5 verwijzing); seed000: groepsplan for levels 1–2, handelingsplan for level 3,
 * OPP for level 4. Copy before changing (`levelsOfPreset` does).
 */
export const LEVEL_PRESET_DEFS: Record<PresetId, LevelDef[]> = {
  seed002: [
    level('1', 'Niveau 1 — algemene zorg in de groep', 'Goed adaptief onderwijs in de groep volgens het groepsplan; de leerkracht signaleert en bespreekt alle leerlingen in de leerling- en toetsbesprekingen.', 'groupPlan'),
    level('2', 'Niveau 2 — extra zorg in de groep', 'Extra zorg in de groep volgens het groepsplan (strategie, instructie, tempo, inhoud, sociaal-emotioneel); maximaal twee handelingsperioden op dit niveau.', 'groupPlan', { extraSupport: true, maxPeriods: 2 }),
    level('3', "Niveau 3 — speciale zorg met de IB'er", "Speciale zorg in overleg met de intern begeleider, met een handelingsplan; maximaal één handelingsperiode per hulpvraag op dit niveau.", 'actionPlan', { extraSupport: true, maxPeriodsPerQuestion: 1 }),
    level('4', 'Niveau 4 — speciale zorg met het zorgteam', 'Speciale zorg met het zorgteam (IB, orthopedagoog, directeur), met een ontwikkelingsperspectief; schriftelijke toestemming van de ouders nodig.', 'developmentPerspective', { extraSupport: true, requiresConsent: true }),
  ],
  seed001: [
    level('1', 'Niveau 1 — basisondersteuning in de groep', 'Gedifferentieerd onderwijs in de groep volgens het groepsplan (basisondersteuning).', 'groupPlan'),
    level('2', 'Niveau 2 — extra ondersteuning in de groep', 'Extra instructie of uitdaging in de groep volgens het groepsplan; besproken in de groepsbespreking (basisondersteuning).', 'groupPlan', { extraSupport: true }),
    level('3', 'Niveau 3 — extra ondersteuning met de kwaliteitsondersteuner', 'Extra ondersteuning binnen een arrangement met de kwaliteitsondersteuner, met een handelingsplan en groeidocument.', 'actionPlan', { extraSupport: true }),
    level('4', 'Niveau 4 — extern / arrangement', 'Extra ondersteuning met externe deskundigen binnen een arrangement, met een ontwikkelingsperspectief en groeidocument.', 'developmentPerspective', { extraSupport: true, requiresConsent: true }),
    level('5', 'Niveau 5 — verwijzing', 'Verwijzing naar SBO of (V)SO: groeidocument, triade en toelaatbaarheidsverklaring.', 'referral', { extraSupport: true }),
  ],
  seed000: [
    level('1', 'Niveau 1 — basisondersteuning in de groep', 'De ondersteuning staat in het groepsplan.', 'groupPlan'),
    level('2', 'Niveau 2 — extra ondersteuning in de groep', 'Extra ondersteuning in de groep; de ondersteuning staat in het groepsplan.', 'groupPlan', { extraSupport: true }),
    level('3', 'Niveau 3 — handelingsplan', 'Extra ondersteuning op een ander moment of buiten de groep, met een handelingsplan van zes tot acht weken.', 'actionPlan', { extraSupport: true }),
    level('4', 'Niveau 4 — ontwikkelingsperspectief', 'Eigen leerlijn of handelingsplannen op meerdere vakgebieden: een ontwikkelingsperspectief, minstens jaarlijks geëvalueerd.', 'developmentPerspective', { extraSupport: true }),
  ],
};

/** A fresh copy of a preset's levels. */
export function levelsOfPreset(preset: PresetId): LevelDef[] {
  return LEVEL_PRESET_DEFS[preset].map((l) => ({ ...l }));
}

function unique<T>(list: readonly T[]): boolean {
  return new Set(list).size === list.length;
}

const count = (max: number) => z.number().int().min(1).max(max).nullable();

export const levelDefSchema = z.object({
  key: z.string().trim().min(1).max(20).regex(LEVEL_KEY_PATTERN, 'Gebruik letters, cijfers en streepjes.'),
  label: z.string().trim().min(2).max(80),
  description: z.string().trim().max(1000),
  planType: z.enum(LEVEL_PLAN_TYPES),
  extraSupport: z.boolean(),
  maxPeriods: count(20),
  maxPeriodsPerQuestion: count(20),
  requiresConsent: z.boolean(),
});

const weeks = z.number().int().min(1).max(52);

/** Each part on its own (readSupportSettings falls back per part). */
const fieldSchemas = {
  levelPreset: z.enum(LEVEL_PRESETS),
  levels: z
    .array(levelDefSchema)
    .min(MIN_LEVELS)
    .max(MAX_LEVELS)
    .refine((ls) => unique(ls.map((l) => l.key)), 'Elk niveau heeft een eigen sleutel.'),
  actionPlan: z
    .object({
      minWeeks: weeks,
      maxWeeks: weeks,
      maxExtensions: z.number().int().min(0).max(5),
      signature: z.enum(['agreement', 'none']),
    })
    .refine((a) => a.minWeeks <= a.maxWeeks, { message: 'De kortste termijn is langer dan de langste.', path: ['minWeeks'] }),
  developmentPerspective: z.object({
    deadlineWeeks: z.number().int().min(1).max(26),
    evaluationMonths: z.number().int().min(1).max(24),
  }),
  oppCandidateRuleKinds: z
    .array(z.string().refine((k) => (SIGNAL_KINDS as readonly string[]).includes(k), 'Onbekend soort signaal.'))
    .max(SIGNAL_KINDS.length)
    .refine(unique, 'Elk soort signaal maar één keer.'),
  reminderDays: z.number().int().min(0).max(60),
};

/** Validation of `SupportSettings`. */
export const supportSettingsSchema = z.object(fieldSchemas);

// Compile-time check that the schema and the shared interface stay the same shape.
type Parsed = z.infer<typeof supportSettingsSchema>;
const _sameShape: [Parsed extends SupportSettings ? true : false, SupportSettings extends Parsed ? true : false] = [true, true];
void _sameShape;

/**
 * Defaults: the seed 002 level model; a handelingsplan of 6–8 weeks (seed 000) that may be extended once (seed 004)
 * and that parents sign for agreement; the OPP set within six weeks and evaluated at least every twelve months (law);
 * OPP candidates from the delay and low-result signal rules (seed 002 4.9); tasks two weeks ahead.
 */
export function defaultSupportSettings(sector: 'po' | 'vo'): SupportSettings {
  void sector; // the same model in PO and VO until a seed says otherwise
  return {
    levelPreset: 'seed002',
    levels: levelsOfPreset('seed002'),
    actionPlan: { minWeeks: 6, maxWeeks: 8, maxExtensions: 1, signature: 'agreement' },
    developmentPerspective: { deadlineWeeks: 6, evaluationMonths: 12 },
    oppCandidateRuleKinds: ['consecutiveLow', 'dleBehindAtGrade', 'delay'],
    reminderDays: 14,
  };
}

/**
 * Stored support settings may predate a part or hold one a newer rule rejects: each part is read on its own and only
 * a missing or invalid one falls back to the default (same rule as readGroupCycleSettings). When the levels fall back,
 * the preset falls back with them (the preset names where the levels came from).
 */
export function readSupportSettings(sector: 'po' | 'vo', stored: unknown): SupportSettings {
  const defaults = defaultSupportSettings(sector);
  const given = (typeof stored === 'object' && stored !== null && !Array.isArray(stored) ? stored : {}) as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  const fellBack = new Set<string>();
  for (const [key, field] of Object.entries(fieldSchemas)) {
    const parsed = (field as z.ZodType).safeParse(given[key]);
    if (parsed.success) out[key] = parsed.data;
    else {
      out[key] = defaults[key as keyof SupportSettings];
      fellBack.add(key);
    }
  }
  if (fellBack.has('levels')) out.levelPreset = defaults.levelPreset;
  return out as unknown as SupportSettings;
}
