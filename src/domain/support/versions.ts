// Published versions and parents' responses: what is hashed (canonical JSON of title + doc), what a version asks of
// the parents (instemming for the OPP, akkoord for a handelingsplan when the school asks it) and where it stands.
import {
  SIGNING_KINDS, type GuardianSignatureState, type ParentResponse, type ResponseKind, type SignatureRequirement,
  type SupportPlanDoc, type SupportPlanKind, type SupportSettings, type VersionSignatureState,
} from './model';

/**
 * JSON with object keys sorted recursively and no whitespace; arrays keep their order. Object properties that are
 * undefined are left out and undefined array items become null (as JSON.stringify does), so the same content always
 * gives the same text and thus the same hash.
 */
export function canonicalJson(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (Array.isArray(value)) return `[${value.map((v) => canonicalJson(v)).join(',')}]`;
  if (typeof value === 'object') {
    const obj = value as Record<string, unknown>;
    const keys = Object.keys(obj)
      .filter((k) => obj[k] !== undefined && typeof obj[k] !== 'function')
      .sort();
    return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(obj[k])}`).join(',')}}`;
  }
  if (typeof value === 'number') return Number.isFinite(value) ? JSON.stringify(value) : 'null';
  if (typeof value === 'bigint') throw new TypeError('canonicalJson: bigint is not JSON');
  return JSON.stringify(value);
}

/** What a version's hash covers: its title and document (the server hashes canonicalJson of it with sha-256, hex). */
export function versionPayload(title: string, doc: SupportPlanDoc): { title: string; doc: SupportPlanDoc } {
  return { title, doc };
}

/** OPP: instemming with the handelingsdeel (law); handelingsplan: akkoord when the school asks it, else nothing. */
export function signatureRequirement(kind: SupportPlanKind, settings: SupportSettings): SignatureRequirement {
  if (kind === 'developmentPerspective') return 'consent';
  return settings.actionPlan.signature === 'agreement' ? 'agreement' : 'none';
}

/** The responses a parent can give on a version; a zienswijze (comment) is always possible. */
export function allowedResponses(requirement: SignatureRequirement): ResponseKind[] {
  if (requirement === 'consent') return ['consent', 'refuse', 'comment'];
  if (requirement === 'agreement') return ['agree', 'disagree', 'comment'];
  return ['comment'];
}

export const MIN_STATEMENT_CHARS = 3;
export const MAX_STATEMENT_CHARS = 4000;

const KIND_LABELS: Record<ResponseKind, string> = {
  consent: 'instemming',
  refuse: 'geen instemming',
  agree: 'akkoord',
  disagree: 'niet akkoord',
  comment: 'zienswijze',
};

/** A parent's response checked against the version's requirement; a Dutch message, or null when it is fine. */
export function checkResponse(requirement: SignatureRequirement, response: { kind: ResponseKind; statement: string }): string | null {
  if (!allowedResponses(requirement).includes(response.kind)) {
    return requirement === 'none'
      ? `Bij dit plan wordt geen ondertekening gevraagd; u kunt wel een zienswijze geven (niet: ${KIND_LABELS[response.kind]}).`
      : `Bij dit plan kunt u geen ‘${KIND_LABELS[response.kind]}’ geven; kies ${allowedResponses(requirement).map((k) => `‘${KIND_LABELS[k]}’`).join(', ')}.`;
  }
  const statement = response.statement.trim();
  if (statement.length > MAX_STATEMENT_CHARS) return `De zienswijze is te lang: hoogstens ${MAX_STATEMENT_CHARS} tekens.`;
  const needsStatement = response.kind === 'refuse' || response.kind === 'disagree' || response.kind === 'comment';
  if (needsStatement && statement.length < MIN_STATEMENT_CHARS) {
    return response.kind === 'comment'
      ? 'Schrijf uw zienswijze (minstens 3 tekens).'
      : `Geef bij ‘${KIND_LABELS[response.kind]}’ uw zienswijze: waarom niet (minstens 3 tekens).`;
  }
  return null;
}

function isSigning(kind: ResponseKind): boolean {
  return SIGNING_KINDS.includes(kind);
}

function later(a: ParentResponse, b: ParentResponse): boolean {
  if (a.recordedAt !== b.recordedAt) return a.recordedAt > b.recordedAt;
  return a.id > b.id;
}

/**
 * The state of one version's signatures for one pupil. The caller passes the responses given on that one version by
 * that pupil's guardians (a response on another version must not be passed in: it was given on another text).
 * Only guardians with gezag are listed and count; per guardian the latest signing response (not a comment) counts.
 * complete: no signature is asked, or every guardian with gezag (at least one) gave the positive answer the version
 * asks (instemming for 'consent', akkoord for 'agreement') — one parent never signs for the other;
 * objected: a guardian with gezag refused or disagreed; outstanding: a guardian with gezag has not signed yet.
 */
export function signatureState(
  requirement: SignatureRequirement,
  guardians: { id: number; name: string; hasAuthority: boolean }[],
  responses: ParentResponse[],
): VersionSignatureState {
  const positive: ResponseKind | null = requirement === 'consent' ? 'consent' : requirement === 'agreement' ? 'agree' : null;
  const list: GuardianSignatureState[] = guardians
    .filter((g) => g.hasAuthority)
    .map((g) => {
      let response: ParentResponse | null = null;
      for (const r of responses) {
        if (r.guardianId !== g.id || !isSigning(r.kind)) continue;
        if (response === null || later(r, response)) response = r;
      }
      return { guardianId: g.id, name: g.name, response, outstanding: requirement !== 'none' && response === null };
    });
  const complete =
    requirement === 'none' || (list.length > 0 && list.every((g) => g.response !== null && g.response.kind === positive));
  const objected = list.some((g) => g.response !== null && (g.response.kind === 'refuse' || g.response.kind === 'disagree'));
  return { requirement, guardians: list, complete, objected };
}
