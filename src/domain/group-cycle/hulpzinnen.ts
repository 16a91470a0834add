// Hulpzinnen voor het benoemen van onderwijsbehoeften (Bijlage 7b of Clijsen et al. 2011, seed 003 C1.5 b): 62 helper
// phrases in 7 categories that complete "Om dit doel te bereiken heeft deze leerling …". The handbook writes 'hij/hem/
// zijn' for readability; Koers renders them gender-neutrally ("de leerling", "diens", "die"). No zod: the web imports this.

/** The stem sentence the phrases complete (Bijlage 7b). */
export const HULPZIN_STEM = 'Om dit doel te bereiken heeft deze leerling';

/** Attribution the app shows with the phrases (required by the handbook for educational reuse). */
export const HULPZINNEN_SOURCE =
  'Bron: Clijsen, A., Beek, S., Beek, G. van de & Herp, R. van (2011). Handreiking onderwijszorgroutes in het voortgezet onderwijs. ' +
  'Naar handelingsgericht werken. KPC Groep. Bijlage 7b, bewerkt naar: N. Pameijer, T. van Beukering & S. de Lange (2009). ' +
  'Handelingsgericht werken: een handreiking voor het schoolteam. Leuven/Den Haag: Acco.';

export interface HulpzinCategory {
  id: string;
  /** The sentence frame after the stem, ending in "die" ("een instructie nodig die"). */
  frame: string;
  phrases: { id: string; text: string }[];
}

function category(id: string, frame: string, texts: string[]): HulpzinCategory {
  return { id, frame, phrases: texts.map((text, i) => ({ id: `${id}-${i + 1}`, text })) };
}

/** The 62 hulpzinnen: 10 + 10 + 9 + 6 + 6 + 7 + 14, in the handbook's order; ids are `<category>-<n>`. */
export const HULPZIN_CATEGORIES: readonly HulpzinCategory[] = [
  category('instructie', 'een instructie nodig die', [
    'kort en duidelijk is',
    'verlengd is en waarbij de docent voordoet en hardop nadenkt',
    'de oplossingsstrategie stapje voor stapje aangeeft',
    'de sterke visuele kant van de leerling benut',
    'vooral auditief is',
    'de betekenis van begrippen verheldert',
    'voorkennis bij de leerling ophaalt en de relatie aangeeft met nieuwe leerstof',
    'de leerling stimuleert tot meedoen en meedenken',
    'de leerling stimuleert eigen oplossingen te bedenken',
    'de leerling steunt om zelf diens werk te plannen',
  ]),
  category('opdrachten', 'opdrachten nodig die', [
    'net op of onder diens niveau liggen, zodat de leerling succeservaringen kan opdoen',
    'net boven diens niveau liggen, zodat de leerling cognitieve uitdaging krijgt',
    'overzichtelijk en gestructureerd zijn',
    'extra leer- en oefenstof bieden',
    'uitgewerkte voorbeelden bevatten',
    'aansluiten bij diens leefwereld en actualiteit',
    'sober zijn, met zo weinig mogelijk afleiding',
    'met een specifiek ICT-hulpmiddel op de laptop uitgevoerd kunnen worden',
    "de leerling veel ruimte bieden voor 'doen'",
    'de leerling veel ruimte bieden om het handelen te automatiseren',
  ]),
  category('activiteiten', '(leer)activiteiten nodig die', [
    'aansluiten bij diens belangstelling en talenten',
    'structuur bieden met een stappenplan of schema',
    'diens denkhandelingen concreet ondersteunen',
    'opgedeeld zijn in kleine stappen of deelactiviteiten',
    'de leerling uitdagen en verdieping bieden',
    'de leerling ruimte laten voor eigen keuzes en inbreng',
    'de leerling stimuleren en aansporen om zelf diens werk te plannen',
    'de leerling motiveren en diens leerplezier vergroten',
    'op een rustige werkplek plaatsvinden',
  ]),
  category('feedback', 'feedback nodig die', [
    'direct aangeeft of diens oplossingsstrategie juist is',
    'ingaat op diens taakaanpak en planning van het werk',
    'consequent en direct op het gewenste gedrag volgt',
    'diens inzet/inspanning beloont (en niet alleen naar het resultaat kijkt)',
    'succeservaringen benadrukt',
    'de leerling uitnodigt zelf te reflecteren op de resultaten en de aanpak van diens werk',
  ]),
  category('groepsleden', 'groepsleden nodig die', [
    'met de leerling willen samenwerken',
    'de leerling willen helpen bij moeilijke of complexe opdrachten',
    'de leerling accepteren en begrijpen dat die anders kan reageren in bepaalde situaties',
    'de leerling uitnodigen om mee te doen buiten de lessen om',
    'diens gedrag negeren en er niet om lachen',
    'de leerling niet uitdagen',
  ]),
  category('leeromgeving', 'een leeromgeving nodig die', [
    'overzichtelijk en gestructureerd is',
    'de leerling uitdaagt en activeert',
    'de leerling uitnodigt om zelf initiatieven te nemen',
    'duidelijke regels en routines hanteert',
    'de leerling een time-out biedt om af te koelen',
    'de leerling een rustig werkklimaat biedt',
    'een vertrouwenspersoon heeft waar de leerling makkelijk terecht kan',
  ]),
  category('docenten', 'docenten nodig die', [
    'belangstelling voor de leerling tonen en met de leerling in gesprek gaan',
    'de leerling vragen of de instructie begrepen is',
    'verlengde instructie bieden',
    'de leerling vertrouwen geven dat die opdrachten uit kan voeren',
    'de leerling complimenten geven bij gewenst gedrag',
    'de leerling veiligheid en structuur bieden in nieuwe en spannende situaties',
    'overgangen tussen activiteiten en lessen goed structureren',
    'de leerling ondersteunen bij de planning van diens werk',
    'situaties creëren waarin de leerling de eigen sterke kanten kan laten zien',
    'de leerling leren om successen aan eigen kunnen en inzet toe te schrijven',
    'de leerling ruimte bieden voor eigen initiatief',
    'de leerling de regie geven over diens leerproces',
    'met de leerling evalueren of de gestelde doelen bereikt zijn',
    'hun aanpak van de leerling goed en eenduidig op elkaar afstemmen',
  ]),
];

const BY_ID: ReadonlyMap<string, { category: HulpzinCategory; index: number; text: string }> = new Map(
  HULPZIN_CATEGORIES.flatMap((category) => category.phrases.map((p, index) => [p.id, { category, index, text: p.text }] as const)),
);

/** Every hulpzin id, in order (for validation of `Need.phrases`). */
export const HULPZIN_IDS: readonly string[] = [...BY_ID.keys()];

/** Whether an id is one of the 62 hulpzinnen (the server accepts only these in `Need.phrases`). */
export function isHulpzinId(id: unknown): id is string {
  return typeof id === 'string' && BY_ID.has(id);
}

/** The text of a hulpzin, or null for an unknown id. */
export function hulpzinText(id: string): string | null {
  return BY_ID.get(id)?.text ?? null;
}

function joinNl(parts: string[]): string {
  return parts.length <= 1 ? parts.join('') : `${parts.slice(0, -1).join(', ')} en ${parts[parts.length - 1]}`;
}

/**
 * The needs text from chosen hulpzinnen (Bijlage 7b): one line per category in the handbook's order, the category's
 * frame followed by its chosen phrases in the handbook's order, joined with commas and "en" ("een instructie nodig die
 * kort en duidelijk is en de oplossingsstrategie stapje voor stapje aangeeft"). The lines continue the stem
 * (`HULPZIN_STEM` + ":"), so they end with ";" and the last with ".". Unknown and repeated ids are ignored; no ids → ''.
 */
export function composeNeeds(phraseIds: readonly string[]): string {
  const chosen = new Set(phraseIds.filter((id) => BY_ID.has(id)));
  const lines: string[] = [];
  for (const category of HULPZIN_CATEGORIES) {
    const texts = category.phrases.filter((p) => chosen.has(p.id)).map((p) => p.text);
    if (texts.length > 0) lines.push(`${category.frame} ${joinNl(texts)}`);
  }
  return lines.map((line, i) => `${line}${i === lines.length - 1 ? '.' : ';'}`).join('\n');
}
