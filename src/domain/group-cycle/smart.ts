// SMART check of goals (Bijlage 6 "SMART doelen formuleren": goals should not be "te vaag of te vrijblijvend").
// Findings are advice shown next to the goal; they never block saving. No zod: the web imports this file.
import { dutchDate, isValidIsoDate } from '../school/periods';
import type { Goal, PlanRow, SmartFinding } from './model';

/**
 * Vague verbs and expressions that say what happens in the head, not what a pupil shows (Bijlage 6, S: "Kies een
 * concreet en specifiek doel"), with their common forms. Matched as whole words, case-insensitively.
 */
export const VAGUE_TERMS: readonly string[] = [
  'weten', 'weet',
  'begrijpen', 'begrijpt',
  'kennen', 'kent',
  'snappen', 'snapt',
  'leren', 'leert',
  'oefenen', 'oefent',
  'verbeteren', 'verbetert',
  'beter worden', 'beter wordt', 'wordt beter',
  'werken aan', 'werkt aan',
  'inzicht krijgen', 'krijgt inzicht', 'inzicht in',
  'proberen', 'probeert',
  'vooruitgaan', 'gaat vooruit',
  'bewust worden', 'wordt zich bewust',
];

/** Letters and digits of any script, so that 'herkent' does not contain the word 'kent'. */
const WORD_CHAR = '[\\p{L}\\p{N}]';

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

const VAGUE_PATTERNS = VAGUE_TERMS.map((term) => ({
  term,
  re: new RegExp(`(?<!${WORD_CHAR})${term.split(' ').map(escape).join('\\s+')}(?!${WORD_CHAR})`, 'iu'),
}));

/** The vague terms found in a text as whole words, in list order, each once. */
export function vagueTermsIn(text: string): string[] {
  return VAGUE_PATTERNS.filter((p) => p.re.test(text)).map((p) => p.term);
}



function quoted(terms: string[]): string {
  return terms.map((t) => `‘${t}’`).join(', ');
}

/** Fewer words than this in `what` is too short to be specific ("Tafels automatiseren"). */
export const MIN_WHAT_WORDS = 3;

/**
 * The SMART check of one goal (Bijlage 6):
 * - S (specifiek): `what` is empty, has fewer than three words, or uses a vague verb ("weten", "begrijpen", "kennen",
 *   "beter worden", "verbeteren", "werken aan", "oefenen", "leren", "snappen", "inzicht krijgen", "proberen", … as
 *   whole words) instead of what the pupils do or show;
 * - M (meetbaar): no `measure` ("Beschrijf onder welke (meetbare of observeerbare) condities het doel bereikt is"),
 *   no target (neither `target` text nor an instrument with a target level or score), or a target level/score
 *   without the instrument it is measured on;
 * - T (tijdgebonden): no `dueOn`, an invalid date, or a date outside the plan period ("Geef concreet aan wanneer …
 *   het doel bereikt moet zijn").
 * A (acceptabel) and I (inspirerend) need people, not rules; R is checked per row (`checkRowSmart`).
 */
export function checkSmart(goal: Goal, ctx: { periodStartsOn: string; periodEndsOn: string }): SmartFinding[] {
  const findings: SmartFinding[] = [];
  const what = goal.what.trim();
  if (what === '') {
    findings.push({ letter: 'S', code: 'S.empty', message: 'Het doel zegt nog niet wat de leerlingen aan het eind van de periode kunnen of laten zien (S).' });
  } else {
    if (what.split(/\s+/).length < MIN_WHAT_WORDS) {
      findings.push({
        letter: 'S',
        code: 'S.short',
        message: `Het doel ‘${what}’ is erg kort: beschrijf concreet welke vaardigheid of welk gedrag de leerlingen laten zien (S).`,
      });
    }
    const vague = vagueTermsIn(what);
    if (vague.length > 0) {
      findings.push({
        letter: 'S',
        code: 'S.vague',
        message: `Het doel gebruikt ${vague.length === 1 ? 'een vage omschrijving' : 'vage omschrijvingen'} (${quoted(vague)}): beschrijf wat de leerlingen concreet doen of laten zien, bijvoorbeeld ‘leest een AVI-E5 tekst vlot voor’ (S).`,
      });
    }
  }

  if (goal.measure.trim() === '') {
    findings.push({ letter: 'M', code: 'M.noMeasure', message: 'Het doel zegt niet waaraan u meet of het bereikt is (M).' });
  }
  const hasLevelOrScore = (goal.targetLevel !== null && goal.targetLevel.trim() !== '') || goal.targetScore !== null;
  if (hasLevelOrScore && goal.instrumentId === null) {
    findings.push({
      letter: 'M',
      code: 'M.noInstrument',
      message: 'Er staat een doelniveau of doelscore, maar geen toets: kies de toets waarop het niveau of de score gehaald moet worden (M).',
    });
  } else if (goal.target.trim() === '' && !(goal.instrumentId !== null && hasLevelOrScore)) {
    findings.push({
      letter: 'M',
      code: 'M.noTarget',
      message: 'Het doel zegt niet wanneer het bereikt is: noem een norm, bijvoorbeeld een niveau, een score of hoe vaak het gedrag te zien is (M).',
    });
  }

  if (goal.dueOn === null || goal.dueOn.trim() === '') {
    findings.push({ letter: 'T', code: 'T.noDueOn', message: 'Het doel zegt niet wanneer het bereikt moet zijn: vul een datum in (T).' });
  } else if (!isValidIsoDate(goal.dueOn)) {
    findings.push({ letter: 'T', code: 'T.invalidDate', message: `De datum ‘${goal.dueOn}’ is geen geldige datum (T).` });
  } else if (goal.dueOn < ctx.periodStartsOn || goal.dueOn > ctx.periodEndsOn) {
    findings.push({
      letter: 'T',
      code: 'T.outsidePeriod',
      message: `De datum ${dutchDate(goal.dueOn)} valt buiten de periode van het plan (${dutchDate(ctx.periodStartsOn)} t/m ${dutchDate(ctx.periodEndsOn)}) (T).`,
    });
  }
  return findings;
}

/** More goals than this in one row is not realistic (Bijlage 6, R: "Bepaal … wat prioriteit heeft"). */
export const MAX_GOALS_PER_ROW = 3;

/**
 * The SMART check of a plan row (Bijlage 6, R, realistisch en haalbaar: "Bepaal … wat prioriteit heeft"; Bijlage 9
 * column 2 asks to set priorities): more than three goals in one row (basisgroep, subgroup or pupil) is too many.
 */
export function checkRowSmart(row: PlanRow): SmartFinding[] {
  if (row.goals.length <= MAX_GOALS_PER_ROW) return [];
  return [
    {
      letter: 'R',
      code: 'R.tooManyGoals',
      message: `Deze rij heeft ${row.goals.length} doelen. Kies er hoogstens ${MAX_GOALS_PER_ROW} met de meeste prioriteit, zodat ze haalbaar blijven (R).`,
    },
  ];
}
