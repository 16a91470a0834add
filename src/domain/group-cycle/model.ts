// The HGW group cycle (handelingsgericht werken): groepsoverzicht, onderwijsbehoeften, clustering, groepsplan,
// execution notes, evaluation and roll-forward. These are the shapes the domain rules, the server and the web share.
// Pure types and constants (no zod, no I/O) so the web can import them without weight.
import type { Domain } from '../assessments/instruments';

/** Groepsoverzicht forms (seed 003): vakoverstijgend (Bijlage 3) and vakspecifiek (Bijlage 4, one per subject). */
export const OVERVIEW_FORMS = ['crossSubject', 'subject'] as const;
export type OverviewForm = (typeof OVERVIEW_FORMS)[number];

/**
 * Groepsplan formats: vakoverstijgend (Bijlage 9: basisgroep + subgroups), vakspecifiek convergent (Bijlage 10:
 * basisaanbod + subgroups), divergent (Bijlage 11: subgroups only, every pupil in one), and the kleuter
 * thema-planning (seed 001: groups 1–2 plan per theme with goals).
 */
export const PLAN_FORMATS = ['crossSubject', 'convergent', 'divergent', 'theme'] as const;
export type PlanFormat = (typeof PLAN_FORMATS)[number];

/** Domains of needs and goals: the pedagogical domain (Bijlage 3/9 part 1) and the test domains of pupil monitoring. */
export const PEDAGOGICAL_DOMAINS = ['socialEmotional', 'workAttitude'] as const;
export type PedagogicalDomain = (typeof PEDAGOGICAL_DOMAINS)[number];
export type NeedDomain = PedagogicalDomain | Domain | 'other';

/** Signal reasons a teacher can tick (Bijlage 5 items 2a–2g, seed 003 ch. 4.2). Test signals come from the rules. */
export const SIGNAL_REASONS = [
  'learningDelay', 'ahead', 'socialEmotional', 'behaviour', 'learningStyle', 'workAttitude', 'talent', 'decline', 'homeSituation',
] as const;
export type SignalReason = (typeof SIGNAL_REASONS)[number];

/** Fields a school can make compulsory before a document is set (vastgesteld). Drafts always save. */
export const REQUIRED_FIELDS = [
  'overview.needsForSignalled', // every signalled pupil has at least one need with a goal and what they need
  'overview.factors', // stimulating and hindering factors for signalled pupils
  'overview.observations', // observations for signalled pupils
  'plan.goalMeasure', // every goal says how it is measured
  'plan.goalDueOn', // every goal has a date
  'plan.organisation', // every subgroup row says who, minutes per week and when
  'plan.evaluationPlan', // every row says who evaluates, how and when
] as const;
export type RequiredField = (typeof REQUIRED_FIELDS)[number];

/** A school's instruction-group names (clusters), e.g. intensief/basis/verrijkt, ster/maan/zon, weer/meer. */
export interface ClusterDef {
  /** Stable key stored on pupils and plan rows (lowercase letters, digits, '-'). */
  key: string;
  label: string;
}

/** The group-cycle part of the school settings (school/settings.ts `groupCycle`). */
export interface GroupCycleSettings {
  /** Which groepsoverzicht forms the school uses (at least one). */
  overviewForms: OverviewForm[];
  /** The groepsplan format for groups 3–8 and VO classes. */
  planFormat: Exclude<PlanFormat, 'theme'>;
  /** Groups 1–2 plan with the thema-planning instead (seed 001). */
  kindergartenThemes: boolean;
  /** Instruction groups, 2–6, in order (most support first). */
  clusters: ClusterDef[];
  /** Subjects for vakspecifieke overviews (assessment domains). */
  subjects: Domain[];
  /** Fields checked before setting an overview or plan. */
  requiredFields: RequiredField[];
}

/** One educational need (onderwijsbehoefte): "Doel + wat heeft de leerling (extra) nodig om dat te bereiken". */
export interface Need {
  /** Client-generated key, stable within the pupil line (e.g. 'n1'). */
  key: string;
  domain: NeedDomain;
  /** The goal for the coming period, short. */
  goal: string;
  /** What the pupil needs to reach it (free text, often composed from hulpzinnen). */
  needs: string;
  /** Ids of the hulpzinnen used (see hulpzinnen.ts), kept so the editor can show them as chosen. */
  phrases: string[];
}

/** One pupil's line in a groepsoverzicht (what the teacher writes; results and signals are read live). */
export interface OverviewLineFields {
  signalled: boolean;
  signalReasons: SignalReason[];
  stimulating: string;
  hindering: string;
  observations: string;
  pupilVoice: string;
  parentVoice: string;
  /** Bijzonderheden (restricted: medical, diagnosis, home situation). */
  particulars: string;
  needs: Need[];
}

export type GoalResult = 'achieved' | 'partly' | 'notAchieved';
export const GOAL_RESULTS: readonly GoalResult[] = ['achieved', 'partly', 'notAchieved'];

/**
 * A goal as a structured object (Bijlage 6, SMART): the same shape is used later by individual plans.
 * `target` is the human wording; `instrumentId` + `targetLevel`/`targetScore` make it checkable against new results.
 */
export interface Goal {
  key: string;
  domain: NeedDomain;
  /** What the pupils will be able to do or show ("leest een AVI-E5 tekst vlot voor"). */
  what: string;
  /** How it is measured or observed (M): test, observation, work analysis. */
  measure: string;
  /** Target wording ("niveau III of hoger", "score 45"). */
  target: string;
  instrumentId: number | null;
  /** Level on the instrument's scale at or above which the goal is met. */
  targetLevel: string | null;
  /** Ability (or raw) score at or above which the goal is met. */
  targetScore: number | null;
  /** When it must be reached (T), ISO date. */
  dueOn: string | null;
  /** Who is responsible (staff user id), null = the group's teacher. */
  ownerId: number | null;
  /** Evaluation (at period end). */
  result: GoalResult | null;
  resultNote: string;
  /** Per pupil within the subgroup (seed 003 4.6.2: "binnen een subgroepje wordt per leerling nagegaan"). */
  attainment: Record<string, GoalResult>;
  /** Key of the goal in the previous period's plan it was carried over from. */
  carriedFrom: string | null;
}

export type PlanRowKind = 'base' | 'cluster' | 'pupil';

/** One row of the groepsplan grid: the basisgroep/basisaanbod, a subgroup (cluster), or one pupil (incidenteel). */
export interface PlanRow {
  key: string;
  kind: PlanRowKind;
  /** For kind 'cluster': which instruction group (members are the overview's pupils in that cluster). */
  clusterKey: string | null;
  /** For kind 'pupil'. */
  pupilId: number | null;
  /** Theme name for the kleuter thema-planning (format 'theme'), else ''. */
  theme: string;
  goals: Goal[];
  /** Inhoud — wat bied ik aan (leerstof). In the crossSubject format: inhoud/aanpak together. */
  content: string;
  /** Aanpak/methodiek — hoe bied ik het aan (instruction, materials, working forms). */
  approach: string;
  organisation: {
    minutesPerWeek: number | null;
    who: string;
    where: string;
    /** Extra instruction moments ("ma + do 9.00–9.20"). */
    moments: string;
  };
  evaluationPlan: { who: string; how: string; when: string | null };
}

/** The plan document that is versioned (revision snapshots keep the earlier ones). */
export interface PlanDocument {
  rows: PlanRow[];
  /** Whole-group attention points for the plan (basisgroep). */
  attentionPoints: string;
}

export interface PlanReflection {
  instruction: string;
  content: string;
  time: string;
  /** The teacher's own support need (ondersteuningsbehoefte leerkracht) with follow-up. */
  teacherSupport: string;
}

export type OverviewStatus = 'draft' | 'final';
export type PlanStatus = 'draft' | 'active' | 'evaluated';

/** Checklist templates (the IB's kijkwijzer etc.), answered +/- with a comment per item and agreements. */
export const CHECKLIST_TEMPLATES = ['kijkwijzer', 'begrijpwijzer', 'planwijzer'] as const;
export type ChecklistTemplateId = (typeof CHECKLIST_TEMPLATES)[number];
export type ChecklistRating = '+' | '-' | null;
export interface ChecklistAnswers {
  items: Record<string, { rating: ChecklistRating; comment: string }>;
  agreements: string;
}

/** A finding of the SMART check: which letter, a code, and Dutch text. Never blocks saving. */
export interface SmartFinding {
  letter: 'S' | 'M' | 'A' | 'R' | 'T';
  code: string;
  message: string;
}

/** A finding of the required-fields check, naming where (pupil or row/goal) and which field. */
export interface RequirementProblem {
  field: RequiredField;
  pupilId?: number;
  rowKey?: string;
  goalKey?: string;
  message: string;
}
