// The preparation checklist of a groepsbespreking (seed 003 Bijlage 17, "Checklist voorbereiding groepsbespreking"):
// per row a heading, the checklist text and the chair's bespreekpunt. Pure.
import type { MeetingKind, Preparation } from './model';

export interface ChecklistItem { key: string; title: string; text: string }

export const GROUP_CHECKLIST: readonly ChecklistItem[] = [
  {
    key: 'previousPlan', title: 'Evalueren van het vorig groepsplan',
    text: 'Zijn de geplande activiteiten afgerond? Zo nee, wat is de oorzaak? Zijn de gestelde doelen bereikt? Zo nee, wat is de oorzaak? '
      + 'Hebben de leerlingen geprofiteerd van de extra begeleiding/aanpak? Moet de aanpak voortgezet of aangepast worden?',
  },
  {
    key: 'wholeGroup', title: 'Aandachtspunten voor de hele groep',
    text: 'Wat zijn de komende periode aandachtspunten voor de hele groep? Breng deze in tijdens de groepsbespreking.',
  },
  {
    key: 'signalledPupils', title: 'Signaleren van leerlingen die de komende periode extra aandacht nodig hebben',
    text: 'Vink deze leerlingen aan in het groepsoverzicht. Over welke leerlingen heb je twijfels? Breng deze leerlingen tijdens de groepsbespreking in.',
  },
  {
    key: 'needs', title: 'Aanscherpen van onderwijsbehoeften leerling',
    text: 'Voor welke leerling(en) moeten de onderwijsbehoeften nader ingevuld of aangescherpt worden? Breng deze leerlingen tijdens de groepsbespreking in.',
  },
  {
    key: 'clustering', title: 'Clusteren van leerlingen',
    text: 'Kijk alvast op basis van het groepsoverzicht hoe leerlingen met vergelijkbare onderwijsbehoeften op een haalbare wijze geclusterd '
      + 'kunnen worden. Bespreek het voorstel in de groepsbespreking.',
  },
  {
    key: 'newPlan', title: 'Opstellen van nieuw groepsplan',
    text: 'Wat zijn aandachtspunten voor het nieuwe groepsplan? Kijk welke afspraken met de docenten gemaakt moeten worden ten aanzien van de '
      + 'uitvoering van het groepsplan.',
  },
  {
    key: 'referrals', title: 'Aanmelding bij intern zorgteam van school',
    text: 'Bekijk welke leerlingen in aanmerking komen voor een melding bij het intern zorgteam van school. Leg dit voor in de groepsbespreking. '
      + 'Indien nodig kun je ook een eigen begeleidingsvraag aan het zorgteam stellen.',
  },
];

export function checklistFor(kind: MeetingKind): readonly ChecklistItem[] {
  return kind === 'groupDiscussion' ? GROUP_CHECKLIST : [];
}

/** The checklist rows with the stored state (missing rows are not done, without points). */
export function checklistView(kind: MeetingKind, prep: Preparation): { key: string; title: string; text: string; done: boolean; points: string }[] {
  return checklistFor(kind).map((i) => ({ ...i, done: prep[i.key]?.done ?? false, points: prep[i.key]?.points ?? '' }));
}

/** Keeps only the checklist's own keys (an unknown key is a 422 at the route). */
export function unknownChecklistKeys(kind: MeetingKind, prep: Preparation): string[] {
  const keys = new Set(checklistFor(kind).map((i) => i.key));
  return Object.keys(prep).filter((k) => !keys.has(k));
}

export function checklistOpen(kind: MeetingKind, prep: Preparation): number {
  return checklistFor(kind).filter((i) => !prep[i.key]?.done).length;
}
