// The forms of a meeting, per kind: the verslag (seed 003 Bijlage 16 for a groepsbespreking; a summary and general
// agreements for the others), a case's school part (leerlingbespreking: seed 001/002 form; care team: Bijlage 20), the
// parents' part (seed 001 SOT parent part / Bijlage 20 "Hulpvraag ouders") and the outcome (leerlingbespreking: notes,
// agreements, goal, next steps; care team: the twelve fields of Bijlage 22). Pure.
import type { FormField, MeetingKind } from './model';

const f = (key: string, label: string, hint = '', required = false): FormField => ({ key, label, hint, required });

const GROUP_MINUTES: FormField[] = [
  f('teacherQuestions', 'Vragen van docenten', 'Per docent de vraag en het antwoord of de actie.'),
  f('previousPlan', 'Evalueren van het vorig groepsplan', 'Uitgevoerd? Doelen bereikt? Geprofiteerd? Voortzetten of aanpassen?'),
  f('results', 'Resultaten van de groep', 'Per toetsgebied, vergeleken met de doelen van het groepsplan en met de norm.'),
  f('wholeGroup', 'Aandachtspunten voor de hele groep', 'Deze gaan naar de basisgroep van het nieuwe groepsplan.'),
  f('signalledPupils', 'Leerlingen die extra aandacht nodig hebben'),
  f('needs', 'Verhelderen en aanscherpen van onderwijsbehoeften'),
  f('clustering', 'Clusteren van leerlingen', 'Subgroepjes met doel en aanpak.'),
  f('newPlan', 'Afspraken voor nieuw groepsplan', 'Wie doet wat, wanneer?', true),
  f('teacherSupport', 'Ondersteuningsbehoeften docenten'),
  f('referrals', 'Aanmelden bij intern zorgteam van school', 'Aanmeldingen voor het zorgteam, de leerlingbespreking of een bilateraal overleg.'),
  f('summary', 'Samenvatten van belangrijkste afspraken en besluiten', '', true),
];

const OTHER_MINUTES: FormField[] = [
  f('summary', 'Samenvatting', 'De belangrijkste afspraken, besluiten en vervolgstappen.', true),
  f('agreements', 'Algemene afspraken', 'Afspraken die niet over één leerling gaan.'),
];

export function minutesFields(kind: MeetingKind): FormField[] {
  return kind === 'groupDiscussion' ? GROUP_MINUTES : OTHER_MINUTES;
}

const PUPIL_SCHOOL: FormField[] = [
  f('reason', 'Reden van aanmelding', 'Het criterium: handelingsverlegenheid of zorg, hulp zonder resultaat, zorgen van ouders, plotselinge verandering, kandidaat doublure/verlenging …', true),
  f('helpQuestion', 'Hulpvraag', 'De specifieke ondersteuningsvraag van de leerkracht.', true),
  f('currentData', 'Actuele gegevens', 'Vorderingen en ontwikkeling: niveau, resultaten, plannen.'),
  f('background', 'Achtergrondinformatie', 'Zo volledig mogelijk.'),
  f('triedSoFar', 'Wat is al geprobeerd en met welk resultaat?', 'Kijk ook naar de groepsplannen van eerdere jaren.'),
  f('goal', 'Welke doelstelling willen we behalen?'),
];

const CARE_SCHOOL: FormField[] = [
  f('problem', 'Wat is het probleem?', '', true),
  f('onset', 'Wanneer zijn de problemen begonnen of ontstaan? Wat is een mogelijke oorzaak?'),
  f('hindering', 'Wat zijn factoren die de ontwikkeling en het leren van de leerling belemmeren?'),
  f('home', 'Hoe functioneert de leerling thuis en/of in zijn leefomgeving?'),
  f('goesWell', 'Wat gaat goed op school en/of thuis en/of in de vrije tijd? Wat zijn factoren die de ontwikkeling en het leren stimuleren?'),
  f('pupilQuestion', 'Wat is de hulpvraag van de leerling aan het zorgteam? Welke begeleiding of ondersteuning heeft de leerling vermoedelijk nodig?', '', true),
  f('teacherQuestion', 'Wat is de begeleidingsvraag van de mentor en/of docenten aan het zorgteam? Waar hebben de mentor en/of docenten begeleiding of ondersteuning bij nodig?', '', true),
  f('supportForm', 'Welke vorm van ondersteuning is nodig?', 'Onderzoek naar de onderwijsbehoeften en/of OPP; begeleiding van de leerling; begeleiding van de mentor en/of docenten; begeleiding van de ouders; anders.'),
  f('doneSoFar', 'Wat heeft de aanmelder zelf tot nu toe aan het probleem gedaan?', 'Zie ook groepsoverzichten, groepsplannen en handelingsplannen.'),
  f('earlierHelp', 'Is er eerder intern of extern contact geweest met hulpverlening? Zo ja, welk?'),
  f('earlierDiscussed', 'Is de leerling eerder besproken in het zorgteam?'),
  f('earlierResearch', 'Heeft er eerder onderzoek plaatsgevonden? Wat zijn de uitkomsten hiervan?'),
  f('diagnosis', 'Is er sprake van een gediagnosticeerde stoornis? Zo ja, welke?'),
  f('results', 'Wat zijn de leerresultaten?', 'Cijferoverzicht / toetsresultaten.'),
  f('needs', 'Onderwijsbehoeften (uit groepsoverzicht)'),
  f('opp', 'Wat is het langetermijn-ontwikkelingsperspectief (OPP)?', 'Verwachte uitstroombestemming.'),
  f('socialEmotional', 'Hoe verloopt de sociaal-emotionele ontwikkeling?'),
  f('interaction', 'Hoe verloopt de interactie met andere leerlingen? Met docenten?'),
  f('workAttitude', 'Hoe is de werkhouding/taakaanpak? Huiswerkattitude?'),
  f('motivation', 'Hoe is de motivatie? Welbevinden op school?'),
  f('attendance', 'Hoe is de aanwezigheid / het verzuim?'),
  f('other', 'Overige opmerkingen/gegevens'),
];

const GROUP_SCHOOL: FormField[] = [
  f('reason', 'Waarom bespreken?', 'Signalering uit het groepsoverzicht of zorg van de leerkracht.', true),
  f('needs', 'Onderwijsbehoeften'),
];

const BILATERAL_SCHOOL: FormField[] = [
  f('question', 'Wat is de vraag?', '', true),
  f('doneSoFar', 'Wat is al gedaan en met welk resultaat?'),
];

const PARENTS: FormField[] = [
  f('parentQuestion', 'Wat is uw hulpvraag?', 'Waar maakt u zich zorgen over, en waarbij wilt u hulp?', true),
  f('home', 'Hoe gaat het thuis en in de vrije tijd?'),
  f('goesWell', 'Wat gaat goed? Waar is uw kind sterk in?'),
  f('expectations', 'Wat verwacht u van de school en van dit overleg?'),
];

const PUPIL_OUTCOME: FormField[] = [
  f('notes', 'Aantekeningen uit de bespreking'),
  f('agreements', 'Afspraken', '', true),
  f('goal', 'Doel', 'Welke doelstelling willen we behalen?'),
  f('nextSteps', 'Vervolgstappen', 'Handelingsplan, niveauwijziging, aanmelding zorgteam …'),
];

const CARE_OUTCOME: FormField[] = [
  f('analysis', 'Analyse van het probleem', 'Belemmerende en bevorderende factoren; verklaringen van leerling, docenten en ouders.'),
  f('pupilQuestion', 'Hulpvraag van de leerling', '“Help mij …”'),
  f('teacherQuestion', 'Begeleidingsvraag van de mentoren/docenten', '“Hoe kan ik deze leerling …?”'),
  f('doneSoFar', 'Wat is al gedaan en met welk resultaat?'),
  f('opp', 'Ontwikkelingsperspectief van de leerling'),
  f('needs', 'Onderwijsbehoeften van de leerling'),
  f('groupOffer', 'Aanbod in de groep', 'Adviezen voor het groepsplan of een individueel handelingsplan.'),
  f('pupilGuidance', 'Begeleiding van de leerling (ouders)', 'Soort begeleiding, doel, door wie, start, frequentie, duur, evaluatie.'),
  f('teacherCoaching', 'Begeleiding (coaching) van de mentor en/of docenten'),
  f('referral', 'Aanmelding bij externe hulp (ZAT/SWV)', 'Wat is de vraag aan het ZAT of het samenwerkingsverband?'),
  f('parentsAlignment', 'Afstemming met de ouders', 'Wie bespreekt de uitkomsten met de ouders? Waarvoor is toestemming nodig?'),
  f('summary', 'Samenvatting van afspraken, besluiten en vervolgstappen', 'Met de datum van de evaluatie.', true),
];

const SIMPLE_OUTCOME: FormField[] = [f('agreements', 'Afspraken', '', true)];

export interface CaseForms { school: FormField[]; parents: FormField[]; outcome: FormField[] }

export function caseForms(kind: MeetingKind): CaseForms {
  switch (kind) {
    case 'pupilDiscussion': return { school: PUPIL_SCHOOL, parents: PARENTS, outcome: PUPIL_OUTCOME };
    case 'careTeam': return { school: CARE_SCHOOL, parents: PARENTS, outcome: CARE_OUTCOME };
    case 'groupDiscussion': return { school: GROUP_SCHOOL, parents: PARENTS, outcome: SIMPLE_OUTCOME };
    case 'bilateral': return { school: BILATERAL_SCHOOL, parents: PARENTS, outcome: SIMPLE_OUTCOME };
  }
}

/** The outcome fields shared with the parents when a case is published (never the internal analysis or notes). */
const PARENT_OUTCOME_KEYS: Record<MeetingKind, readonly string[]> = {
  pupilDiscussion: ['agreements', 'goal', 'nextSteps'],
  careTeam: ['needs', 'groupOffer', 'pupilGuidance', 'summary'],
  groupDiscussion: ['agreements'],
  bilateral: ['agreements'],
};

export function publishedAgreements(kind: MeetingKind, outcome: Record<string, string>): { label: string; text: string }[] {
  const fields = caseForms(kind).outcome;
  return PARENT_OUTCOME_KEYS[kind]
    .map((key) => ({ label: fields.find((x) => x.key === key)?.label ?? key, text: (outcome[key] ?? '').trim() }))
    .filter((a) => a.text !== '');
}

export const isBlank = (v: string | undefined) => (v ?? '').trim() === '';

/** The required fields of `fields` that are empty in `values`. */
export function missingRequired(fields: readonly FormField[], values: Record<string, string>): FormField[] {
  return fields.filter((x) => x.required && isBlank(values[x.key]));
}

/** Keys in `values` that the form does not have (a 422 at the route). */
export function unknownKeys(fields: readonly FormField[], values: Record<string, string>): string[] {
  const keys = new Set(fields.map((x) => x.key));
  return Object.keys(values).filter((k) => !keys.has(k));
}
