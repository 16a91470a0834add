// A plan for more than one pupil names no pupil (seed 000: a handelingsplan "kan voor meerdere leerlingen gelden; er
// worden dan geen namen genoemd"): every parent of every pupil in it reads the same text.
import type { PlanFinding, SupportPlanDoc } from './model';

/** Letters and digits of any script: 'Sanneke' does not contain the name 'Sanne'. */
const WORD_CHAR = '[\\p{L}\\p{N}]';

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function namePattern(name: string): RegExp {
  const words = name.trim().split(/\s+/).map(escape);
  return new RegExp(`(?<!${WORD_CHAR})${words.join('\\s+')}(?!${WORD_CHAR})`, 'iu');
}

/** Fields that hold a code from a fixed list, never typed text (a pupil called 'Pro' is not in exitDestination 'pro'). */
const CODE_FIELDS = new Set(['kind', 'format', 'place', 'decision', 'domain', 'area', 'exitDestination', 'result', 'key', 'carriedFrom', 'attainment', 'subject']);

function isCodeField(path: string): boolean {
  const parts = path.split('.');
  const last = parts[parts.length - 1];
  if (CODE_FIELDS.has(last)) return true;
  // OppDomain.measure is 'dle' | 'abilityScore'; a goal's measure is text.
  return parts.length === 3 && parts[0] === 'domains' && last === 'measure';
}

function stringFields(value: unknown, path: string, out: { field: string; text: string }[]): void {
  if (path !== '' && isCodeField(path)) return;
  if (typeof value === 'string') {
    if (path !== '') out.push({ field: path, text: value });
  } else if (Array.isArray(value)) {
    value.forEach((v, i) => stringFields(v, path === '' ? String(i) : `${path}.${i}`, out));
  } else if (typeof value === 'object' && value !== null) {
    for (const [k, v] of Object.entries(value)) stringFields(v, path === '' ? k : `${path}.${k}`, out);
  }
}

/**
 * Where the given names occur in the document: every string field, recursively (field path like 'goals.0.what'),
 * as a whole word and case-insensitively. The caller passes first names and full names separately ('Sanne' and
 * 'Sanne de Vries'). One row per name and field, in field order.
 */
export function namesInDoc(doc: SupportPlanDoc, names: string[], title?: string): { name: string; field: string }[] {
  const wanted = [...new Set(names.map((n) => n.trim()).filter((n) => n !== ''))].map((name) => ({ name, re: namePattern(name) }));
  if (wanted.length === 0) return [];
  const fields: { field: string; text: string }[] = title === undefined ? [] : [{ field: 'title', text: title }];
  stringFields(doc, '', fields);
  const found: { name: string; field: string }[] = [];
  for (const { field, text } of fields) {
    for (const { name, re } of wanted) if (re.test(text)) found.push({ name, field });
  }
  return found;
}

const FIELD_LABELS: Record<string, string> = {
  title: 'de titel',
  problem: 'probleem / hulpvraag',
  expectation: 'verwachting',
  needs: 'onderwijsbehoeften',
  content: 'inhoud',
  approach: 'aanpak',
  parentAgreements: 'afspraken met ouders',
  reasoning: 'onderbouwing',
  support: 'begeleiding en ondersteuning',
  deviations: 'afwijkingen van het onderwijsprogramma',
  'organisation.who': 'organisatie (wie)',
  'organisation.where': 'organisatie (waar)',
  'organisation.when': 'organisatie (wanneer)',
  'organisation.frequency': 'organisatie (hoe vaak)',
  'evaluationPlan.how': 'evaluatie (hoe)',
  'evaluationPlan.who': 'evaluatie (wie)',
  'evaluation.summary': 'evaluatie',
  'pupilVoice.text': 'inbreng van de leerling',
  'pupilVoice.notHeardReason': 'reden dat de leerling niet gehoord is',
};

const GOAL_PARTS: Record<string, string> = {
  what: 'wat',
  measure: 'meting',
  target: 'norm',
  resultNote: 'toelichting resultaat',
  targetLevel: 'doelniveau',
};

/** A field path in words for a Dutch message: 'goals.0.what' → 'doel 1 (wat)'. */
export function fieldLabel(path: string): string {
  if (FIELD_LABELS[path]) return FIELD_LABELS[path];
  const parts = path.split('.');
  if (parts[0] === 'goals' && parts.length >= 3) return `doel ${Number(parts[1]) + 1} (${GOAL_PARTS[parts[2]] ?? parts[2]})`;
  if ((parts[0] === 'hinderingFactors' || parts[0] === 'stimulatingFactors') && parts.length >= 2) {
    return `${parts[0] === 'hinderingFactors' ? 'belemmerende' : 'bevorderende'} factor ${Number(parts[1]) + 1}`;
  }
  if (parts[0] === 'domains' && parts.length >= 3) {
    const domain = `domein ${Number(parts[1]) + 1}`;
    if (parts[2] === 'goals' && parts.length >= 5) return `${domain}, tussendoel ${Number(parts[3]) + 1} (${GOAL_PARTS[parts[4]] ?? parts[4]})`;
    return `${domain} (${parts[2] === 'endGoal' ? 'einddoel' : parts[2]})`;
  }
  if (parts[0] === 'involved' && parts.length >= 2) return `betrokkene ${Number(parts[1]) + 1}`;
  return path;
}

/** The findings 'pupilNameInText' for a plan with more than one pupil (the caller passes the names to look for). */
export function pupilNameFindings(doc: SupportPlanDoc, names: string[]): PlanFinding[] {
  return namesInDoc(doc, names).map(({ name, field }) => ({
    code: 'pupilNameInText' as const,
    message: `De naam ‘${name}’ staat in ${fieldLabel(field)}; een plan voor meer leerlingen noemt geen namen.`,
    field,
  }));
}
