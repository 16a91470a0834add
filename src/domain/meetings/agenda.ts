// The generated agenda of a meeting: the items per kind (groepsbespreking: seed 003 Bijlage 15 plus ch. 5.1's results and
// teachers' support needs; care team: Bijlage 21 per case; leerlingbespreking: seed 002 §5.3) and, per item, the data
// points computed from facts the server gathers when the agenda is read. Pure: no I/O.
import { dutchDate } from '../school/periods';
import type { AgendaItem, AgendaPoint, MeetingKind, MeetingSettings } from './model';
import { CARE_TEAM_AGENDA_KEYS, GROUP_AGENDA_KEYS, PUPIL_DISCUSSION_AGENDA_KEYS } from './model';

type ItemText = { title: string; guidance: string };

/** Groepsbespreking (Bijlage 15, Dutch wording; 'results' from seed 001 §7.3, 'teacherSupport' from seed 003 ch. 5.1). */
const GROUP_ITEMS: Record<(typeof GROUP_AGENDA_KEYS)[number], ItemText> = {
  teacherQuestions: {
    title: 'Inventariseren vragen docenten',
    guidance: 'De mentor inventariseert kort welke vragen docenten hebben.',
  },
  previousPlan: {
    title: 'Evalueren van het vorig groepsplan',
    guidance: 'Korte reflectie op het vorig groepsplan: Zijn de geplande aanpak en acties uitgevoerd? Zo nee, wat is hiervan de oorzaak? '
      + 'Zijn de gestelde doelen bereikt? Zo nee, wat is hiervan de oorzaak? Hebben de (subgroepjes) leerlingen geprofiteerd van de extra '
      + 'aanpak en begeleiding? Wordt dit de komende periode voortgezet? Welke aanpassingen zijn de komende periode in de aanpak of begeleiding nodig?',
  },
  results: {
    title: 'Resultaten van de groep',
    guidance: 'Per toetsgebied: hoe ontwikkelt de groep zich? Vergelijk de resultaten met de doelen van het groepsplan (gehaald ja/nee, in welke mate) '
      + 'en met de norm. Dit is de brede evaluatie van het groepsplan en de basis voor de nieuwe doelen.',
  },
  wholeGroup: {
    title: 'Aandachtspunten voor de hele groep',
    guidance: 'Wat zijn op basis van het groepsoverzicht de komende periode aandachtspunten voor de hele groep? Alleen indien van toepassing. '
      + 'Inventariseer ten behoeve van het groepsplan hoe dit aandachtspunt de komende periode aangepakt gaat worden.',
  },
  signalledPupils: {
    title: 'Signaleren van leerlingen die extra aandacht nodig hebben',
    guidance: 'In het groepsoverzicht zijn leerlingen al aangekruist. Zijn de docenten het hiermee eens? Missen zij bepaalde leerlingen?',
  },
  needs: {
    title: 'Verhelderen/aanscherpen van onderwijsbehoeften',
    guidance: 'De onderwijsbehoeften staan in het groepsoverzicht. Docenten kunnen om verheldering vragen; de mentor brengt leerlingen in van wie '
      + 'de onderwijsbehoeften aangescherpt moeten worden. Als mentor en docenten niet in staat zijn de bijzondere onderwijsbehoeften van een '
      + 'leerling te benoemen, kan ondersteuning van het intern zorgteam van school gevraagd worden.',
  },
  clustering: {
    title: 'Clusteren van leerlingen',
    guidance: 'Welke leerlingen hebben vergelijkbare onderwijsbehoeften? Kunnen deze leerlingen (in een subgroepje) geclusterd worden? Bespreek kort '
      + 'per subgroepje welk doel je wilt bereiken en welke aanpak of begeleiding nodig is. Is de clustering haalbaar?',
  },
  newPlan: {
    title: 'Opstellen van nieuw groepsplan en maken van afspraken',
    guidance: 'Verzamel de aandachtspunten voor het nieuwe groepsplan: voor de hele groep, subgroepjes leerlingen en (incidenteel) individuele '
      + 'leerlingen. Maak concrete afspraken met de docenten welke bijdrage zij leveren aan de uitvoering van het groepsplan.',
  },
  ownSubject: {
    title: 'Wat betekent dit voor mijn eigen vak?',
    guidance: 'Docenten reflecteren kort op wat de gemaakte afspraken betekenen voor hun eigen lessen en hoe zij dit in de groep willen aanpakken '
      + 'en organiseren. Docenten geven elkaar advies en feedback.',
  },
  teacherSupport: {
    title: 'Inventariseren van ondersteuningsbehoeften van docenten',
    guidance: 'Welke ondersteuning hebben de leerkracht en de docenten nodig om het groepsplan uit te voeren (coaching, klassenbezoek, '
      + 'materialen, expertise)? Spreek af wie die ondersteuning biedt.',
  },
  referrals: {
    title: 'Aanmelden bij intern zorgteam of leerlingbespreking',
    guidance: 'Heeft een leerling een specifieke hulpvraag en/of hebben mentor en docenten een specifieke begeleidingsvraag, dan kan besloten '
      + 'worden ondersteuning te vragen. Als volstaan kan worden met een bilateraal overleg, kan vaak een formele procedure vermeden worden. '
      + 'Stem altijd af met de leerling en met de ouders.',
  },
};

/** The twelve gesprekspunten of Bijlage 21, discussed per case in a care-team meeting. */
export const CARE_TEAM_CASE_POINTS: readonly string[] = [
  'Analyse van het probleem', 'Hulpvraag van de leerling', 'Begeleidingsvraag van de mentoren/docenten',
  'Wat is al gedaan en met welk resultaat?', 'Ontwikkelingsperspectief van de leerling', 'Onderwijsbehoeften van de leerling',
  'Aanbod in de groep', 'Begeleiding van de leerling (ouders)', 'Begeleiding (coaching) van de mentor en/of docenten',
  'Aanmelding bij externe hulp (ZAT/SWV)', 'Afstemming met de ouders', 'Samenvatting van afspraken, besluiten en vervolgstappen',
];

function careTeamItems(name: string): Record<(typeof CARE_TEAM_AGENDA_KEYS)[number], ItemText> {
  return {
    opening: {
      title: 'Opening en vaststellen agenda',
      guidance: `De voorzitter (intern begeleider/zorgcoördinator) opent het ${name}, stelt de prioriteiten en stelt vast of voor iedere besproken `
        + 'leerling de toestemming van ouders aanwezig is als externen aanschuiven.',
    },
    cases: {
      title: 'Bespreking aangemelde leerlingen',
      guidance: 'Per leerling staan de hulpvraag van de leerling en de begeleidingsvraag van de mentor/docenten centraal. Gesprekspunten: '
        + `${CARE_TEAM_CASE_POINTS.map((p, i) => `${i + 1}. ${p}`).join('; ')}.`,
    },
    progress: {
      title: 'Voortgang eerder besproken leerlingen',
      guidance: 'Hoe loopt de afgesproken begeleiding? Zijn de doelen bereikt? Wat zijn de vervolgstappen?',
    },
    actionsReview: {
      title: 'Actiepunten vorig overleg',
      guidance: 'Loop de openstaande acties van het vorige overleg na: afgerond, nog bezig of opnieuw plannen.',
    },
    closing: {
      title: 'Samenvatting en afsluiting',
      guidance: 'Geef een kort resumé van afspraken, besluiten en vervolgstappen. Leg vast wie de uitkomsten met de ouders bespreekt en wanneer '
        + 'de evaluatie plaatsvindt.',
    },
  };
}

/** Leerlingbespreking (seed 002 §5.3, seed 001 §4): chair and minute-taker rotate; forms handed in beforehand. */
function pupilItems(daysBefore: number): Record<(typeof PUPIL_DISCUSSION_AGENDA_KEYS)[number], ItemText> {
  return {
    opening: {
      title: 'Opening',
      guidance: 'De voorzitter opent de leerlingbespreking, bewaakt de tijd en stelt de volgorde van de aangemelde leerlingen vast.',
    },
    actionsReview: {
      title: 'Afspraken vorige leerlingbespreking',
      guidance: 'Zijn de afspraken van de vorige bespreking uitgevoerd en met welk resultaat?',
    },
    cases: {
      title: 'Bespreking aangemelde leerlingen',
      guidance: `Per leerling: reden van aanmelding, hulpvraag, achtergrond, wat is al geprobeerd, welk doel willen we behalen en de vervolgstappen. `
        + `Het leerlingbesprekingsformulier is uiterlijk ${daysBefore} ${daysBefore === 1 ? 'dag' : 'dagen'} van tevoren ingeleverd. `
        + 'Ouders zijn vooraf op de hoogte gebracht en krijgen na afloop een terugkoppeling.',
    },
    announcements: {
      title: 'Mededelingen over leerlingen',
      guidance: 'Leerlingen die alleen ter kennisgeving worden genoemd (mededeling).',
    },
    closing: {
      title: 'Afsluiting',
      guidance: 'De notulist stuurt het verslag met de besprekingsformulieren naar de deelnemers en de intern begeleider.',
    },
  };
}

const BILATERAL_ITEMS: Record<'cases' | 'actionsReview' | 'closing', ItemText> = {
  cases: {
    title: 'Bespreking leerling(en)',
    guidance: 'Wat is de vraag? Wat is al gedaan en met welk resultaat? Wat spreken we af? Als volstaan kan worden met dit overleg, kan een '
      + 'formele aanmelding bij het zorgteam vermeden worden.',
  },
  actionsReview: { title: 'Afspraken vorig overleg', guidance: 'Zijn de afspraken van het vorige overleg uitgevoerd?' },
  closing: { title: 'Afspraken en vervolg', guidance: 'Wie doet wat, wanneer? Wie informeert de ouders?' },
};

/**
 * Spreads `total` minutes over the items in blocks of 5: every item gets at least one block, the other blocks go by
 * weight (largest remainder), so the sum is the school's duration (or 5 per item when that is more).
 */
function spread(keys: readonly string[], weights: Record<string, number>, total: number): Record<string, number> {
  const units = Math.max(keys.length, Math.round(total / 5));
  const extra = units - keys.length;
  const sum = keys.reduce((s, k) => s + (weights[k] ?? 1), 0);
  const exact = keys.map((k) => (extra * (weights[k] ?? 1)) / sum);
  const given = exact.map(Math.floor);
  let left = extra - given.reduce((s, x) => s + x, 0);
  const order = keys.map((_, i) => i).sort((a, b) => (exact[b] - given[b]) - (exact[a] - given[a]) || a - b);
  for (const i of order) {
    if (left <= 0) break;
    given[i]++;
    left--;
  }
  return Object.fromEntries(keys.map((k, i) => [k, (1 + given[i]) * 5]));
}

/**
 * The default agenda of a new meeting of `kind`. A VO groepsbespreking adds "Wat betekent dit voor mijn eigen vak?"
 * (subject teachers); a PO one leaves it out. Minutes are spread over the items from the school's duration.
 */
export function defaultAgenda(kind: MeetingKind, settings: MeetingSettings, sector: 'po' | 'vo'): AgendaItem[] {
  const make = (texts: Record<string, ItemText>, keys: readonly string[], minutes: Record<string, number> | null): AgendaItem[] =>
    keys.map((key) => ({ key, title: texts[key].title, guidance: texts[key].guidance, minutes: minutes ? minutes[key] ?? null : null, note: '' }));
  switch (kind) {
    case 'groupDiscussion': {
      const keys = GROUP_AGENDA_KEYS.filter((k) => sector === 'vo' || k !== 'ownSubject');
      const weights = { teacherQuestions: 1, previousPlan: 2, results: 2, wholeGroup: 1, signalledPupils: 2, needs: 2, clustering: 2, newPlan: 2, ownSubject: 1, teacherSupport: 1, referrals: 1 };
      return make(GROUP_ITEMS, keys, spread(keys, weights, settings.durations.groupDiscussion));
    }
    case 'careTeam':
      return make(careTeamItems(settings.careTeamName), CARE_TEAM_AGENDA_KEYS, null);
    case 'pupilDiscussion':
      return make(pupilItems(settings.caseFormDaysBefore), PUPIL_DISCUSSION_AGENDA_KEYS, null);
    case 'bilateral':
      return make(BILATERAL_ITEMS, ['cases', 'actionsReview', 'closing'], null);
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Data points
// ---------------------------------------------------------------------------------------------------------------

/**
 * The facts behind an agenda, gathered by the server and already filtered for the viewer: pupils appear only when the
 * viewer has pupil.viewCare on them; the `hidden*` counts say how many were left out (never who).
 */
export interface AgendaFacts {
  groupId: number | null;
  /** The group's groepsoverzicht of the meeting's period (or the latest), for links. */
  overviewId: number | null;
  /** When the data come from another group's overview (the previous year's, at the start of a year): says so. */
  overviewNote?: string;
  /** The previous groepsplan(s) of the group with their evaluation. */
  previousPlans: {
    id: number; title: string; status: 'draft' | 'active' | 'evaluated'; goals: number; achieved: number; partly: number; notAchieved: number;
    teacherSupport: string;
    /** false: another group's plan (the pupils' previous group); no link (the viewer may not open it). */
    own?: boolean;
  }[];
  /** Result summaries of the group's latest test moment per instrument. */
  results: { instrument: string; takenOn: string | null; tested: number; atNorm: number }[];
  /** Pupils ticked in the groepsoverzicht (`ticked`), or with signals from the tests only (`ticked: false`). */
  signalled: { pupilId: number; name: string; reasons: string[]; ticked?: boolean }[];
  hiddenSignalled: number;
  needsDraft: { pupilId: number; name: string }[];
  clusters: { key: string; label: string; members: number }[];
  /** Cases of this meeting (proposed pupils) the viewer may see, and how many are hidden. */
  cases: { caseId: number; pupilId: number; name: string; kind: 'discussion' | 'announcement'; question: string }[];
  hiddenCases: number;
  /** For a groepsbespreking: pupils of the group with a case in an upcoming leerlingbespreking / care-team meeting. */
  referrals: { caseId: number; pupilId: number; name: string; meetingKindLabel: string; heldOn: string }[];
  questions: { id: number; kind: 'question' | 'supportNeed'; text: string; author: string }[];
  /** Open actions of earlier meetings of the same kind (and group). */
  openActions: { actionId: number; description: string; owner: string; dueOn: string; overdue: boolean }[];
  /**
   * The viewer takes part in a groepsbespreking but may not see the group's care data (policy `group.viewCare`): the
   * group's results, signals, plans, clusters and the open actions of its earlier groepsbesprekingen were not
   * gathered, and the points say why.
   */
  groupDataHidden?: boolean;
}

/** The agenda items of a groepsbespreking whose points come from the group's care data. */
const GROUP_DATA_KEYS = new Set(['teacherSupport', 'previousPlan', 'results', 'signalledPupils', 'needs', 'clustering', 'referrals', 'actionsReview', 'progress']);
const GROUP_DATA_HIDDEN = 'De gegevens van deze groep zijn voor u niet zichtbaar: alleen wie bij de groep betrokken is, ziet ze.';

export const emptyAgendaFacts = (): AgendaFacts => ({
  groupId: null, overviewId: null, previousPlans: [], results: [], signalled: [], hiddenSignalled: 0, needsDraft: [], clusters: [],
  cases: [], hiddenCases: 0, referrals: [], questions: [], openActions: [],
});

const pct = (part: number, whole: number) => (whole > 0 ? Math.round((part / whole) * 100) : 0);

function casePoints(f: AgendaFacts, only?: 'discussion' | 'announcement'): AgendaPoint[] {
  const out: AgendaPoint[] = f.cases
    .filter((c) => !only || c.kind === only)
    .map((c) => ({
      kind: 'case' as const, pupilId: c.pupilId, caseId: c.caseId,
      text: c.question ? `${c.name}: ${c.question}` : c.name,
      href: `/leerlingen/${c.pupilId}/ondersteuning`,
    }));
  if (f.hiddenCases > 0 && only !== 'announcement') {
    out.push({ kind: 'info', text: f.hiddenCases === 1 ? '1 andere leerling aangemeld (niet zichtbaar voor u).' : `${f.hiddenCases} andere leerlingen aangemeld (niet zichtbaar voor u).` });
  }
  return out;
}

function actionPoints(f: AgendaFacts): AgendaPoint[] {
  return f.openActions.map((a) => ({
    kind: 'openAction' as const, actionId: a.actionId,
    text: `${a.description} (${a.owner}, ${a.overdue ? 'verlopen op' : 'uiterlijk'} ${dutchDate(a.dueOn)})`,
  }));
}

/** The data points under the agenda item `key` of a meeting of `kind`. Unknown and custom keys have none. */
export function agendaPoints(kind: MeetingKind, key: string, f: AgendaFacts): AgendaPoint[] {
  const overviewHref = f.overviewId ? `/groepsoverzichten/${f.overviewId}` : undefined;
  if (kind === 'groupDiscussion' && f.groupDataHidden && GROUP_DATA_KEYS.has(key)) {
    // What belongs to the meeting itself stays: the support needs handed in, and the pupils on its agenda the viewer may see.
    const own: AgendaPoint[] = key === 'teacherSupport'
      ? f.questions.filter((q) => q.kind === 'supportNeed').map((q) => ({ kind: 'supportNeed' as const, text: `${q.author}: ${q.text}` }))
      : key === 'referrals' ? casePoints(f) : [];
    return [...own, { kind: 'info', text: GROUP_DATA_HIDDEN }];
  }
  if (key === 'actionsReview' || key === 'progress') return actionPoints(f);
  if (kind !== 'groupDiscussion') {
    if (key === 'cases') return casePoints(f, kind === 'pupilDiscussion' ? 'discussion' : undefined);
    if (key === 'announcements') return casePoints(f, 'announcement');
    return [];
  }
  switch (key) {
    case 'teacherQuestions':
      return f.questions.filter((q) => q.kind === 'question').map((q) => ({ kind: 'question' as const, text: `${q.author}: ${q.text}` }));
    case 'teacherSupport':
      return [
        ...f.questions.filter((q) => q.kind === 'supportNeed').map((q) => ({ kind: 'supportNeed' as const, text: `${q.author}: ${q.text}` })),
        ...f.previousPlans.filter((p) => p.teacherSupport.trim()).map((p) => ({
          kind: 'supportNeed' as const, text: `Uit de reflectie bij ‘${p.title}’: ${p.teacherSupport.trim()}`, href: p.own === false ? undefined : `/groepsplannen/${p.id}`,
        })),
      ];
    case 'previousPlan':
      if (f.previousPlans.length === 0) return [{ kind: 'info', text: 'Er is geen vorig groepsplan van deze groep.' }];
      return f.previousPlans.map((p) => ({
        kind: 'planEvaluation' as const, href: p.own === false ? undefined : `/groepsplannen/${p.id}`,
        text: p.status === 'evaluated'
          ? `${p.title}: geëvalueerd — ${p.achieved} van de ${p.goals} doelen gehaald, ${p.partly} deels, ${p.notAchieved} niet.`
          : `${p.title}: nog niet geëvalueerd (${p.goals} ${p.goals === 1 ? 'doel' : 'doelen'}).`,
      }));
    case 'results':
      if (f.results.length === 0) return [{ kind: 'info', text: 'Er zijn nog geen toetsresultaten van deze groep in deze periode.' }];
      return f.results.map((r) => ({
        kind: 'result' as const, href: f.groupId ? `/groepen/${f.groupId}/resultaten` : undefined,
        text: `${r.instrument}${r.takenOn ? ` (${dutchDate(r.takenOn)})` : ''}: ${r.atNorm} van de ${r.tested} leerlingen op of boven de norm (${pct(r.atNorm, r.tested)}%).`,
      }));
    case 'signalledPupils': {
      // Bijlage 15: the pupils ticked in the groepsoverzicht, then "missen zij bepaalde leerlingen?": pupils with signals
      // from the tests who are not ticked, on one line. Without any ticks, every pupil with signals is listed.
      const out: AgendaPoint[] = f.overviewNote ? [{ kind: 'info', text: f.overviewNote }] : [];
      const anyTicked = f.signalled.some((s) => s.ticked);
      const listed = anyTicked ? f.signalled.filter((s) => s.ticked) : f.signalled;
      out.push(...listed.map((s) => ({
        kind: 'signalledPupil' as const, pupilId: s.pupilId, href: overviewHref,
        text: s.reasons.length ? `${s.name} (${s.reasons.join(', ')})` : s.name,
      })));
      const unticked = anyTicked ? f.signalled.filter((s) => !s.ticked) : [];
      if (unticked.length > 0) {
        out.push({ kind: 'info', text: `Niet aangekruist, wel signalen uit de toetsen (${unticked.length}): ${unticked.map((s) => s.name).join(', ')}.` });
      }
      if (f.hiddenSignalled > 0) out.push({ kind: 'info', text: `${f.hiddenSignalled} gesignaleerde ${f.hiddenSignalled === 1 ? 'leerling' : 'leerlingen'} die u niet kunt inzien.` });
      if (out.length === 0) out.push({ kind: 'info', text: overviewHref ? 'In het groepsoverzicht zijn geen leerlingen gesignaleerd.' : 'Er is nog geen groepsoverzicht voor deze groep.' });
      return out;
    }
    case 'needs':
      return f.needsDraft.map((p) => ({
        kind: 'needsDraft' as const, pupilId: p.pupilId, href: overviewHref,
        text: `${p.name}: onderwijsbehoeften nog niet ingevuld of aan te scherpen.`,
      }));
    case 'clustering':
      return f.clusters.map((c) => ({
        kind: 'cluster' as const, href: f.overviewId ? `/groepsoverzichten/${f.overviewId}/clusters` : undefined,
        text: `${c.label}: ${c.members} ${c.members === 1 ? 'leerling' : 'leerlingen'}`,
      }));
    case 'referrals':
      return [
        ...casePoints(f),
        ...f.referrals.map((r) => ({
          kind: 'case' as const, pupilId: r.pupilId, caseId: r.caseId, href: `/leerlingen/${r.pupilId}/ondersteuning`,
          text: `${r.name}: aangemeld voor ${r.meetingKindLabel} van ${dutchDate(r.heldOn)}.`,
        })),
      ];
    case 'newPlan':
      return f.previousPlans.length > 0 && f.groupId ? [{ kind: 'info', text: 'Het nieuwe groepsplan wordt opgesteld in de groepscyclus.', href: `/groepen/${f.groupId}/cyclus` }] : [];
    default:
      return [];
  }
}

/** What a school calls a group in titles: "groep" (PO) or "klas" (VO). */
export const groupWord = (sector: 'po' | 'vo') => (sector === 'po' ? 'groep' : 'klas');

/** The default title of a meeting: "Groepsbespreking groep 5", "Leerlingbespreking", the school's care-team name. */
export function defaultTitle(kind: MeetingKind, settings: MeetingSettings, groupName: string | null): string {
  switch (kind) {
    case 'groupDiscussion': return groupName ? `Groepsbespreking ${groupName}` : 'Groepsbespreking';
    case 'pupilDiscussion': return 'Leerlingbespreking';
    case 'careTeam': return settings.careTeamName.charAt(0).toUpperCase() + settings.careTeamName.slice(1);
    case 'bilateral': return 'Bilateraal overleg';
  }
}

/** The school's name for a kind (careTeamName for a care-team meeting). */
export function kindLabel(kind: MeetingKind, settings: MeetingSettings): string {
  switch (kind) {
    case 'groupDiscussion': return 'groepsbespreking';
    case 'pupilDiscussion': return 'leerlingbespreking';
    case 'careTeam': return settings.careTeamName;
    case 'bilateral': return 'bilateraal overleg';
  }
}
