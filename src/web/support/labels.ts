// Display names for the codes of individual support (levels from the school's settings, plan kinds and statuses,
// formats, parents' responses, exit destinations, factor areas, decisions, meeting purposes), all through i18n.
import type { TFunction } from 'i18next';
import type {
  ActionPlanDecision, ActionPlanFormat, ExitDestination, FactorArea, LevelDef, MeetingPurpose, ResponseKind,
  ResponseMethod, SignatureRequirement, SupportPlace, SupportPlanKind, SupportPlanStatus, VersionSignatureState,
} from '../../domain/support/model';
import { domainLabel } from '../assessments/util';
import { formatDate } from '../shared/format';

/** The school's level definition for a key, if the school still has it. */
export function findLevel(levels: readonly LevelDef[], key: string): LevelDef | null {
  return levels.find((l) => l.key === key) ?? null;
}

/** The label the school uses for a level ("Niveau 3 — speciale zorg met de IB'er"); "Niveau {key}" for an unknown key. */
export function levelLabel(t: TFunction, levels: readonly LevelDef[], key: string): string {
  return findLevel(levels, key)?.label ?? t('support.labels.unknownLevel', { key });
}

export function planKindLabel(t: TFunction, kind: SupportPlanKind): string {
  return t(`support.labels.kinds.${kind}`);
}

/** Short form: "HP" / "OPP". */
export function planKindShort(t: TFunction, kind: SupportPlanKind): string {
  return t(`support.labels.kindsShort.${kind}`);
}

export function planStatusLabel(t: TFunction, status: SupportPlanStatus): string {
  return t(`support.labels.statuses.${status}`);
}

/** "Vakoverstijgend (Bijlage 12)" or "Vakspecifiek — Rekenen-wiskunde (Bijlage 13)". */
export function actionPlanFormatLabel(t: TFunction, format: ActionPlanFormat, subject?: string): string {
  if (format === 'subject' && subject) return t('support.labels.formatSubject', { subject: domainLabel(t, subject) });
  return t(`support.labels.formats.${format}`);
}

export function responseKindLabel(t: TFunction, kind: ResponseKind): string {
  return t(`support.labels.responses.${kind}`);
}

export function responseMethodLabel(t: TFunction, method: ResponseMethod): string {
  return t(`support.labels.methods.${method}`);
}

export function requirementLabel(t: TFunction, requirement: SignatureRequirement): string {
  return t(`support.labels.requirements.${requirement}`);
}

export function exitDestinationLabel(t: TFunction, destination: ExitDestination): string {
  return t(`support.labels.exits.${destination}`);
}

export function factorAreaLabel(t: TFunction, area: FactorArea): string {
  return t(`support.labels.factorAreas.${area}`);
}

export function decisionLabel(t: TFunction, decision: ActionPlanDecision): string {
  return t(`support.labels.decisions.${decision}`);
}

export function meetingPurposeLabel(t: TFunction, purpose: MeetingPurpose): string {
  return t(`support.labels.purposes.${purpose}`);
}

export function placeLabel(t: TFunction, place: SupportPlace): string {
  return t(`support.labels.places.${place}`);
}

/** One line about where a version's signatures stand: "Instemming compleet", "2 ouders moeten nog reageren", … */
export function signatureSummary(t: TFunction, state: VersionSignatureState): string {
  if (state.requirement === 'none') return t('support.labels.signature.none');
  if (state.guardians.length === 0) return t('support.labels.signature.noGuardians');
  if (state.objected) return state.requirement === 'consent' ? t('support.labels.signature.refused') : t('support.labels.signature.disagreed');
  if (state.complete) return state.requirement === 'consent' ? t('support.labels.signature.consentComplete') : t('support.labels.signature.agreementComplete');
  const outstanding = state.guardians.filter((g) => g.outstanding).length;
  return t('support.labels.signature.outstanding', { count: outstanding });
}

/** The tone of a signature state for a badge: done, objected or waiting. */
export function signatureTone(state: VersionSignatureState): 'ok' | 'objected' | 'waiting' | 'none' {
  if (state.requirement === 'none') return 'none';
  if (state.objected) return 'objected';
  if (state.complete) return 'ok';
  return 'waiting';
}

/** "1-9-2026 t/m 27-10-2026", "vanaf 1-9-2026", or '' without dates. */
export function termText(t: TFunction, startsOn: string | null, endsOn: string | null): string {
  if (startsOn && endsOn) return t('support.labels.term', { from: formatDate(startsOn), to: formatDate(endsOn) });
  if (startsOn) return t('support.labels.termFrom', { from: formatDate(startsOn) });
  if (endsOn) return t('support.labels.termTo', { to: formatDate(endsOn) });
  return '';
}
