// Individual support (seed 000 three plan types, seed 002 §3–4, seed 004 §5–6, seed 003 Bijlagen 12–13, standards §1):
// support levels (ondersteuningsniveaus), handelingsplan (actionPlan), OPP (developmentPerspective), parents' meetings
// (oudergesprek), numbered immutable versions with parents' responses (instemming / akkoord / zienswijze), and tasks.
// Pure types and constants (no zod, no I/O) so the web can import them without weight.
import type { Goal, GoalResult, NeedDomain } from '../group-cycle/model';

export type { Goal, GoalResult, NeedDomain };

// ---------------------------------------------------------------------------------------------------------------
// Support levels (ondersteuningsniveaus) — the model is a school setting (support/settings.ts)
// ---------------------------------------------------------------------------------------------------------------

/** Which plan carries the support at a level (seed 000: levels 1–2 groepsplan, 3 handelingsplan, 4 OPP). */
export const LEVEL_PLAN_TYPES = ['none', 'groupPlan', 'actionPlan', 'developmentPerspective', 'referral'] as const;
export type LevelPlanType = (typeof LEVEL_PLAN_TYPES)[number];

/** One level of the school's model, with its rules (shown as warnings, never blocking). */
export interface LevelDef {
  /** Stable key stored with the pupil's history ('1', '2', … or the school's own). */
  key: string;
  /** The label the school uses ("Niveau 3 — speciale zorg met de IB'er"). */
  label: string;
  description: string;
  planType: LevelPlanType;
  /** The pupil counts as "with extra support" (the care coordinator's overview) at this level. */
  extraSupport: boolean;
  /** Seed 002 level 2: "maximaal twee handelingsperioden op dit niveau" — care-cycle periods in a row. */
  maxPeriods: number | null;
  /** Seed 002 level 3: "maximaal 1 handelingsperiode per hulpvraag" — periods per support question. */
  maxPeriodsPerQuestion: number | null;
  /** Seed 002 level 4: the parents' written consent is needed (recorded on the level entry). */
  requiresConsent: boolean;
}

/** A pupil's level over a time span (the dated history; `endsOn` null = current). */
export interface LevelEntry {
  id: number;
  level: string;
  startsOn: string;
  endsOn: string | null;
  reason: string;
  /** The support question (hulpvraag) the level is for; the per-question cap counts periods per question. */
  question: string;
  /** Who decided (staff user id and name at the time). */
  decidedById: number | null;
  decidedByName: string;
  /** In which meeting it was decided ("Leerlingbespreking 12-11-2026"); free text until meetings exist. */
  meeting: string;
  /** The parents' written consent, where the level requires it. */
  consentOn: string | null;
  consentNote: string;
}

/** A warning from the level rules. `code` is stable (tests, i18n); `message` is Dutch. */
export interface LevelWarning {
  code: 'maxPeriods' | 'maxPeriodsPerQuestion' | 'consentMissing' | 'planMissing' | 'unknownLevel';
  level: string;
  message: string;
}

// ---------------------------------------------------------------------------------------------------------------
// Plans
// ---------------------------------------------------------------------------------------------------------------

export const SUPPORT_PLAN_KINDS = ['actionPlan', 'developmentPerspective'] as const;
export type SupportPlanKind = (typeof SUPPORT_PLAN_KINDS)[number];

/**
 * draft: never published (parents see nothing); active: published at least once, running; evaluated: the evaluation
 * is recorded (handelingsplan: per goal and a decision); closed: stopped, replaced or ended.
 */
export const SUPPORT_PLAN_STATUSES = ['draft', 'active', 'evaluated', 'closed'] as const;
export type SupportPlanStatus = (typeof SUPPORT_PLAN_STATUSES)[number];

/** Bijlage 12 (vakoverstijgend) or Bijlage 13 (vakspecifiek, with a subject). */
export const ACTION_PLAN_FORMATS = ['crossSubject', 'subject'] as const;
export type ActionPlanFormat = (typeof ACTION_PLAN_FORMATS)[number];

/** Where the extra support is given (seed 000: "op een ander moment of buiten de groep"). */
export const SUPPORT_SETTINGS_PLACES = ['inGroup', 'outsideGroup', 'both'] as const;
export type SupportPlace = (typeof SUPPORT_SETTINGS_PLACES)[number];

export interface SupportOrganisation {
  /** Who gives the support (names/roles as text: "leerkracht, RT'er"). */
  who: string;
  where: string;
  /** When: days and times ("di + do 10.30–11.00"). */
  when: string;
  /** How often ("2× per week 20 minuten"). */
  frequency: string;
  minutesPerWeek: number | null;
  place: SupportPlace;
}

/** The decision at the end of a handelingsplan (seed 000, seed 002 4.3, seed 004: extend once, then escalate). */
export const ACTION_PLAN_DECISIONS = ['stop', 'extend', 'followUp', 'raiseLevel'] as const;
export type ActionPlanDecision = (typeof ACTION_PLAN_DECISIONS)[number];

/** Handelingsplan content (Bijlage 12/13, seed 000): what parents see and sign, version by version. */
export interface ActionPlanDoc {
  kind: 'actionPlan';
  format: ActionPlanFormat;
  /** Vakgebied (a group-cycle subject key, or '' for vakoverstijgend). */
  subject: string;
  startsOn: string | null;
  /** Planned evaluation date = end of the term. */
  endsOn: string | null;
  /** Probleem / hiaat / hulpvraag. */
  problem: string;
  /** Bijlage 12 row 1 (ontwikkelingsperspectief in brief) or Bijlage 13 row 1 (leerrendementsverwachting). */
  expectation: string;
  /** Onderwijsbehoeften (hulpzinnen may be composed in). */
  needs: string;
  goals: Goal[];
  /** Inhoud (wat). */
  content: string;
  /** Aanpak/methodiek (hoe). */
  approach: string;
  organisation: SupportOrganisation;
  /** How and by whom it will be evaluated. */
  evaluationPlan: { how: string; who: string };
  /** Afspraken met ouders. */
  parentAgreements: string;
  /** Filled at the end of the term; per-goal results are on the goals. */
  evaluation: { summary: string; decision: ActionPlanDecision | null };
}

/** Uitstroombestemmingen (standards §1.2: vo onderwijssoort, vso uitstroomprofielen). */
export const EXIT_DESTINATIONS = [
  'pro', 'vmbo-bb', 'vmbo-kb', 'vmbo-gl-tl', 'havo', 'vwo', 'vso-dagbesteding', 'vso-arbeidsmarkt', 'vso-vervolgonderwijs',
  'mbo-1', 'mbo-2', 'mbo-3-4', 'hbo', 'wo', 'arbeid', 'dagbesteding',
] as const;
export type ExitDestination = (typeof EXIT_DESTINATIONS)[number];

export const FACTOR_AREAS = ['pupil', 'education', 'home'] as const;
export type FactorArea = (typeof FACTOR_AREAS)[number];
export interface Factor { area: FactorArea; text: string }

/** A point of the planned growth line: the expected DLE or ability score on a date. */
export interface GrowthPoint { on: string; value: number }

/** One domain of the OPP: end goal, planned growth line and intermediate goals (tussendoelen). */
export interface OppDomain {
  key: string;
  domain: NeedDomain;
  /** Eindniveau / end goal for the end of the plan period or school career. */
  endGoal: string;
  /** What the growth line is measured in; the actual results of `instrumentId` are drawn against it. */
  measure: 'dle' | 'abilityScore';
  instrumentId: number | null;
  growth: GrowthPoint[];
  goals: Goal[];
}

export interface InvolvedPerson { name: string; role: string; organisation: string }

/** OPP content (standards §1.2 legal core + seed 002 3.6 + seed 000): what parents see and consent to. */
export interface DevelopmentPerspectiveDoc {
  kind: 'developmentPerspective';
  startsOn: string | null;
  /** End of the plan period (at least yearly renewal). */
  endsOn: string | null;
  exitDestination: ExitDestination | null;
  /** Onderbouwing of the exit destination. */
  reasoning: string;
  hinderingFactors: Factor[];
  stimulatingFactors: Factor[];
  /** Onderwijs-/ondersteuningsbehoeften (prefilled from the pupil's latest groepsoverzicht line). */
  needs: string;
  /** Handelingsdeel: the support and guidance to be given (parents consent to this part). */
  support: string;
  /** Deviations from the regular programme (afwijkingen van het onderwijsprogramma). */
  deviations: string;
  organisation: SupportOrganisation;
  domains: OppDomain[];
  /** Hoorrecht: the pupil's voice, or why the pupil was not heard. */
  pupilVoice: { heard: boolean; heardOn: string | null; text: string; notHeardReason: string };
  /** Externals and others involved in writing it. */
  involved: InvolvedPerson[];
  parentAgreements: string;
}

export type SupportPlanDoc = ActionPlanDoc | DevelopmentPerspectiveDoc;

// ---------------------------------------------------------------------------------------------------------------
// Versions, parents' responses (signatures), meetings
// ---------------------------------------------------------------------------------------------------------------

/**
 * A parent's response to a published version. consent/refuse: instemming with the OPP's handelingsdeel;
 * agree/disagree: akkoord or not with another plan (a zienswijze is required with refuse/disagree); comment: a
 * zienswijze without signing (any number).
 */
export const RESPONSE_KINDS = ['consent', 'refuse', 'agree', 'disagree', 'comment'] as const;
export type ResponseKind = (typeof RESPONSE_KINDS)[number];
export const SIGNING_KINDS: readonly ResponseKind[] = ['consent', 'refuse', 'agree', 'disagree'];
export const RESPONSE_METHODS = ['digital', 'paper'] as const;
export type ResponseMethod = (typeof RESPONSE_METHODS)[number];

/** What a version asks of each parent with gezag (from the plan kind and the school setting). */
export type SignatureRequirement = 'consent' | 'agreement' | 'none';

export interface ParentResponse {
  id: number;
  versionNumber: number;
  pupilId: number;
  guardianId: number;
  guardianName: string;
  kind: ResponseKind;
  statement: string;
  method: ResponseMethod;
  /** The content hash of the version the response was given on (binds it to that exact text). */
  contentHash: string;
  signedOn: string;
  recordedAt: string;
  recordedByName: string;
  /** Paper: the uploaded scan. */
  scanId: number | null;
}

/** Per guardian with gezag of one pupil: where the version stands. */
export interface GuardianSignatureState {
  guardianId: number;
  name: string;
  /** The signing response on this version, if any. */
  response: ParentResponse | null;
  /** True when this guardian still has to respond to this version. */
  outstanding: boolean;
}

/** The state of one version's signatures for one pupil. */
export interface VersionSignatureState {
  requirement: SignatureRequirement;
  guardians: GuardianSignatureState[];
  /** Every guardian with gezag gave consent/agree. For the OPP: the handelingsdeel is valid (instemming). */
  complete: boolean;
  /** Someone refused or disagreed. */
  objected: boolean;
}

export const MEETING_PURPOSES = ['start', 'interim', 'evaluation', 'adjustment', 'other'] as const;
export type MeetingPurpose = (typeof MEETING_PURPOSES)[number];

/** Oudergespreksformulier (seed 002 3.7), including the variant for disagreement. */
export interface ParentMeetingFields {
  heldOn: string;
  purpose: MeetingPurpose;
  /** Who took part (names and roles). */
  participants: string;
  subject: string;
  agreements: string;
  schoolView: string;
  parentView: string;
  /** School and parents hold different views (the disagreement variant). */
  disagreement: boolean;
  /** Disagreement variant: the consequences were explained to the parents. */
  consequencesExplained: boolean;
  /** Disagreement variant: the dates of the (two) meetings held ("2 gesprekken … met vermelding van de data"). */
  earlierMeetingOn: string | null;
}

// ---------------------------------------------------------------------------------------------------------------
// Checks and tasks
// ---------------------------------------------------------------------------------------------------------------

/** A finding about a plan; never blocks saving. `code` is stable; `message` Dutch. */
export interface PlanFinding {
  code:
    | 'termTooShort' | 'termTooLong' | 'noDates' | 'endBeforeStart' | 'extensionsUsed'
    | 'pupilNameInText' | 'smart' | 'missingExitDestination' | 'missingReasoning' | 'missingFactors' | 'missingSupport'
    | 'pupilVoiceMissing' | 'growthLineMissing' | 'evaluationIncomplete';
  message: string;
  /** Where: a field path ('goals.2.what', 'problem') when known. */
  field?: string;
}

export const TASK_KINDS = [
  'evaluationDue', 'planExpiring', 'oppDeadline', 'oppYearlyEvaluation', 'signaturesOutstanding', 'levelCap',
  'levelConsentMissing', 'oppCandidate', 'signatureRequested',
  // Meetings (issue 6, domain/meetings/tasks.ts)
  'meetingAction', 'meetingPreparation', 'minutesDue', 'parentsToInform', 'consentMissing', 'parentPartRequested',
] as const;
export type TaskKind = (typeof TASK_KINDS)[number];

/** One item of "my tasks". The web renders it from `kind` + `params` through i18n; `message` is the Dutch text. */
export interface Task {
  kind: TaskKind;
  pupilId: number | null;
  pupilName: string;
  planId: number | null;
  dueOn: string | null;
  overdue: boolean;
  params: Record<string, string | number>;
  message: string;
  /** Meeting tasks: the meeting (and action) the task links to. */
  meetingId?: number | null;
  actionId?: number | null;
}

// ---------------------------------------------------------------------------------------------------------------
// School setting (validated by support/settings.ts)
// ---------------------------------------------------------------------------------------------------------------

export const LEVEL_PRESETS = ['seed002', 'seed001', 'seed000', 'custom'] as const;
export type LevelPreset = (typeof LEVEL_PRESETS)[number];

export interface SupportSettings {
  /** Which preset the levels started from (the settings UI offers them; 'custom' once edited). */
  levelPreset: LevelPreset;
  /** The level model, lowest first (2–7 levels). */
  levels: LevelDef[];
  actionPlan: {
    /** Term bounds in weeks (seed 000: 6–8; seed 004: at most 10). */
    minWeeks: number;
    maxWeeks: number;
    /** How many times a plan may be extended (seed 004: once). */
    maxExtensions: number;
    /** Parents' signature on a handelingsplan: akkoord/zienswijze asked, or not asked (seed 000: "waar nodig"). */
    signature: 'agreement' | 'none';
  };
  developmentPerspective: {
    /** Weeks after the decision (or enrolment) within which the OPP must be set (law: six). */
    deadlineWeeks: number;
    /** Months between evaluations with parents (law: at least once a school year → 12). */
    evaluationMonths: number;
  };
  /** Signal rule kinds (pupil monitoring) whose signals flag a pupil as OPP candidate (seed 002 4.9 criteria). */
  oppCandidateRuleKinds: string[];
  /** Tasks show this many days before their due date. */
  reminderDays: number;
}
