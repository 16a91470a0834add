// The IB's checklists (Clijsen et al. 2011): kijkwijzer groepsoverzicht (Bijlage 5), begrijpwijzer checklist
// onderwijsbehoeften (Bijlage 7a) and planwijzer groepsplan (Bijlage 14). Items are the handbook's Dutch, verbatim;
// each is answered + or - with a comment, plus free-text agreements (Afspraken). No zod: the web imports this.
import type { ChecklistAnswers, ChecklistRating, ChecklistTemplateId } from './model';

export interface ChecklistItem {
  id: string;
  text: string;
}
export interface ChecklistSection {
  id: string;
  title: string;
  items: ChecklistItem[];
}
export interface ChecklistTemplate {
  id: ChecklistTemplateId;
  title: string;
  source: string;
  appliesTo: 'overview' | 'plan';
  sections: ChecklistSection[];
}

const SOURCE =
  'Clijsen, A., Beek, S., Beek, G. van de & Herp, R. van (2011). Handreiking onderwijszorgroutes in het voortgezet onderwijs. Naar handelingsgericht werken. KPC Groep.';

function items(list: [string, string][]): ChecklistItem[] {
  return list.map(([id, text]) => ({ id, text }));
}

function numbered(prefix: string, texts: string[]): ChecklistItem[] {
  return texts.map((text, i) => ({ id: `${prefix}-${i + 1}`, text }));
}

/** The three checklist templates with their items; item ids are unique within a template. */
export const CHECKLISTS: Readonly<Record<ChecklistTemplateId, ChecklistTemplate>> = {
  kijkwijzer: {
    id: 'kijkwijzer',
    title: 'Kijkwijzer groepsoverzicht',
    source: `${SOURCE} Bijlage 5.`,
    appliesTo: 'overview',
    sections: [
      {
        id: 'stap1',
        title: 'Stap 1 – Verzamelen en ordenen van leerlinggegevens in groepsoverzicht',
        items: items([
          ['1a', 'Zijn de toetsresultaten op een juiste wijze ingevuld?'],
          ['1b', 'Zijn ter vergelijking de resultaten op voorgaande toetsen aanwezig?'],
          ['1c', 'Zijn gegevens uit observaties meegenomen?'],
          ['1d', 'Zijn gegevens uit analyses van het werk van leerlingen aanwezig?'],
          ['1e', 'Zijn gegevens uit gesprekken met leerlingen en ouders aanwezig?'],
          ['1f', 'Zijn factoren benoemd die de ontwikkeling zowel belemmeren als bevorderen? Positieve kwaliteiten leerling?'],
          ['1g', 'Zijn er gegevens over de werkhouding, taakaanpak en motivatie van de leerlingen?'],
          ['1h', 'Zijn er gegevens over de sociaal-emotionele ontwikkeling van de leerlingen?'],
          ['1i', 'Zijn de talenten van leerlingen benoemd?'],
        ]),
      },
      {
        id: 'stap2',
        title: 'Stap 2 – Signaleren van leerlingen die extra aandacht nodig hebben',
        items: items([
          ['2a', 'Zijn leerlingen met een leerachterstand gesignaleerd?'],
          ['2b', 'Zijn hoogbegaafde leerlingen met een leervoorsprong gesignaleerd?'],
          ['2c', 'Zijn leerlingen met sociaal-emotionele problematiek gesignaleerd?'],
          ['2d', 'Zijn leerlingen gesignaleerd die qua gedrag aandacht nodig hebben?'],
          ['2e', 'Zijn leerlingen met een eigen leerstijl gesignaleerd?'],
          ['2f', 'Zijn leerlingen met problemen in de werkhouding, taakaanpak en studievaardigheden gesignaleerd?'],
          ['2g', 'Zijn leerlingen met een (speciaal) talent gesignaleerd?'],
          ['2h', 'Zijn de ijkpunten of criteria voor het signaleren duidelijk?'],
          ['2i', 'Zijn de docenten bekend met leerstijlen en leerstrategieën?'],
          ['2j', 'Herkennen de docenten sociaal-emotionele problemen?'],
          ['2k', 'Herkennen de docenten specifieke leerproblemen?'],
        ]),
      },
      {
        id: 'algemeen',
        title: 'Algemeen',
        items: items([
          ['Aa', 'Is duidelijk wie verantwoordelijk is voor het verzamelen van de gegevens?'],
          ['Ab', "Worden in het vakoverstijgende groepsoverzicht opmerkingen en signalen van collega's meegenomen en vastgelegd?"],
          ['Ac', "Krijgt de mentor (tijdig) signalen van collega's?"],
          ['Ad', 'Zijn de verzamelde gegevens duidelijk en concreet voor alle betrokkenen?'],
        ]),
      },
    ],
  },
  begrijpwijzer: {
    id: 'begrijpwijzer',
    title: 'Begrijpwijzer: checklist voor het benoemen van onderwijsbehoeften',
    source: `${SOURCE} Bijlage 7a.`,
    appliesTo: 'overview',
    sections: [
      {
        id: 'stap3',
        title: 'Stap 3 – Benoemen van onderwijsbehoeften van leerlingen',
        items: items([
          ['a', 'Zijn de onderwijsbehoeften benoemd van de leerlingen die bij stap 2 gesignaleerd zijn?'],
          ['b', 'Zijn de doel(en) bepaald die voor de leerling nagestreefd worden?'],
          ['c', 'Zijn deze doel(en) concreet en meetbaar?'],
          ['d', 'Zijn deze doel(en) realistisch en haalbaar in de komende periode?'],
          ['e', 'Is concreet en duidelijk benoemd wat deze leerling nodig heeft om de gestelde doel(en) te bereiken?'],
          ['f', 'Sluit het aanbod / de aanpak aan bij de gestelde doel(en)?'],
          ['g', 'Hebben de docenten kennis van variaties in instructie, leerstof, verwerking en werkvormen?'],
          ['h', 'Hebben de docenten kennis van pedagogische interventies?'],
        ]),
      },
    ],
  },
  planwijzer: {
    id: 'planwijzer',
    title: 'Planwijzer: checklist groepsplan',
    source: `${SOURCE} Bijlage 14.`,
    appliesTo: 'plan',
    sections: [
      {
        id: 'doelen',
        title: 'Doelen',
        items: numbered('doelen', [
          'Zijn de doelen concreet geformuleerd?',
          'Zijn de doelen meetbaar/observeerbaar?',
          'Zijn de doelen realistisch en in tijd haalbaar?',
          'Zijn de doelen uitdagend en stimulerend?',
          'Zijn de doelen duidelijk voor de leerlingen?',
        ]),
      },
      {
        id: 'inhoud',
        title: 'Inhoud (wat)',
        items: numbered('inhoud', [
          'Sluit de leerstof aan bij de doelen?',
          'Sluit de extra leerstof aan bij de onderwijsbehoeften van de leerlingen?',
          'Is de leerstof uitdagend en stimulerend?',
        ]),
      },
      {
        id: 'aanpak',
        title: 'Aanpak/methodiek',
        items: numbered('aanpak', [
          'Hoe wordt gedifferentieerd naar instructie?',
          'Is duidelijk welke extra instructie of begeleiding aan subgroepje(s) geboden wordt?',
          'Wordt er gedifferentieerd naar verwerking?',
          'Zijn de werkvormen activerend en motiverend?',
          'Wordt aan (groepjes) leerlingen meer leertijd geboden?',
          'Zijn de pedagogische interventies concreet en duidelijk?',
          'Worden de leerlingen actief betrokken bij de uitvoering van het groepsplan?',
        ]),
      },
      {
        id: 'organisatie',
        title: 'Organisatie',
        items: numbered('organisatie', [
          'Is duidelijk hoe de subgroepjes samengesteld zijn?',
          'Is de clustering in subgroepjes haalbaar qua klassenmanagement?',
          'Is duidelijk hoe in de les de extra instructie en begeleiding georganiseerd wordt?',
          'Is duidelijk hoe vaak en wanneer extra instructie en begeleiding geboden wordt? Wat ieders taken zijn?',
        ]),
      },
      {
        id: 'evaluatie',
        title: 'Evaluatie',
        items: numbered('evaluatie', [
          'Is duidelijk wie, wanneer en hoe evalueert of de gestelde doelen bereikt zijn?',
          'Zijn de leerlingen betrokken bij de evaluatie?',
        ]),
      },
    ],
  },
};

/** Which templates belong to an overview (kijkwijzer, begrijpwijzer) or a plan (planwijzer). */
export function checklistsFor(target: 'overview' | 'plan'): ChecklistTemplateId[] {
  return (Object.keys(CHECKLISTS) as ChecklistTemplateId[]).filter((id) => CHECKLISTS[id].appliesTo === target);
}

/** The item ids of a template, in order. */
export function checklistItemIds(id: ChecklistTemplateId): string[] {
  return CHECKLISTS[id].sections.flatMap((s) => s.items.map((i) => i.id));
}

/** Answers of a checklist never filled in: no item rated, no comments, no agreements (Afspraken). */
export function emptyAnswers(): ChecklistAnswers {
  return { items: {}, agreements: '' };
}

/** Longest comment per item and longest agreements text. */
export const MAX_CHECKLIST_COMMENT = 2000;
export const MAX_CHECKLIST_AGREEMENTS = 4000;

const RATINGS: readonly ChecklistRating[] = ['+', '-', null];

/**
 * Problems in checklist answers as sent (Bijlagen 5, 7a, 14: per item "+ of -" and "Opmerkingen/suggesties", then
 * "Afspraken"), in Dutch: an item id the template does not have, a rating other than +, - or empty, a comment that is
 * not text or longer than 2000 characters, agreements that are not text or longer than 4000. Empty list = valid.
 */
export function checkAnswers(id: ChecklistTemplateId, answers: ChecklistAnswers): string[] {
  const template = CHECKLISTS[id];
  if (!template) return [`Onbekende checklist ‘${String(id)}’.`];
  const problems: string[] = [];
  const a = answers as unknown as { items?: unknown; agreements?: unknown } | null;
  if (typeof a !== 'object' || a === null) return ['De antwoorden ontbreken.'];
  const known = new Set(checklistItemIds(id));
  const given = a.items;
  if (typeof given !== 'object' || given === null || Array.isArray(given)) {
    problems.push('De antwoorden per onderdeel ontbreken.');
  } else {
    for (const [itemId, answer] of Object.entries(given as Record<string, unknown>)) {
      if (!known.has(itemId)) {
        problems.push(`Onderdeel ‘${itemId}’ bestaat niet in de ${template.id}.`);
        continue;
      }
      const ans = answer as { rating?: unknown; comment?: unknown } | null;
      if (typeof ans !== 'object' || ans === null) {
        problems.push(`Het antwoord bij onderdeel ${itemId} ontbreekt.`);
        continue;
      }
      if (!RATINGS.includes(ans.rating as ChecklistRating)) problems.push(`Bij onderdeel ${itemId} kan alleen + of - gekozen worden.`);
      if (typeof ans.comment !== 'string') problems.push(`De opmerking bij onderdeel ${itemId} moet tekst zijn.`);
      else if (ans.comment.length > MAX_CHECKLIST_COMMENT) problems.push(`De opmerking bij onderdeel ${itemId} is langer dan ${MAX_CHECKLIST_COMMENT} tekens.`);
    }
  }
  if (typeof a.agreements !== 'string') problems.push('De afspraken moeten tekst zijn.');
  else if (a.agreements.length > MAX_CHECKLIST_AGREEMENTS) problems.push(`De afspraken zijn langer dan ${MAX_CHECKLIST_AGREEMENTS} tekens.`);
  return problems;
}

/**
 * How far a checklist is: `answered` = items of the template rated + or -, `total` = items of the template, `minus` =
 * items rated - (the points for improvement, Bijlage 5: "onderzoeken wat de belangrijkste verbeterpunten zijn").
 * Answers for unknown items are not counted.
 */
export function checklistProgress(id: ChecklistTemplateId, answers: ChecklistAnswers): { answered: number; total: number; minus: number } {
  const ids = checklistItemIds(id);
  let answered = 0;
  let minus = 0;
  for (const itemId of ids) {
    const rating = answers.items[itemId]?.rating ?? null;
    if (rating !== null) answered++;
    if (rating === '-') minus++;
  }
  return { answered, total: ids.length, minus };
}
