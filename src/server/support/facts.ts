// Shared loaders of individual support: the facts the support page, the plan routes, the overview and the task list
// all need (level histories, care periods, running plans, OPP-candidate signals, settings, signature states), each in
// a fixed number of statements for any number of pupils or plans.
import { sql } from 'drizzle-orm';
import { evaluateSignals } from '../../domain/assessments/signals';
import {
  oppCandidateReasons, readSupportSettings, signatureRequirement, signatureState,
  type LevelEntry, type ParentResponse, type SupportPlanKind, type SupportSettings, type VersionSignatureState,
} from '../../domain/support';
import { loadRules, resultPoints, signalScope } from '../assessments/repo';
import { dutchDateOf } from '../clock';
import { intArray, rows, type DbOrTx } from '../db/client';
import { notFound } from '../http/errors';

interface LevelRow {
  id: number; pupil_id: number; level: string; starts_on: string; ends_on: string | null; reason: string; question: string;
  decided_by: number | null; decided_by_name: string; meeting: string; consent_on: string | null; consent_note: string;
}

/** The SQL columns of support_levels that `toLevelEntry` reads. */
export const LEVEL_COLUMNS = sql`id, pupil_id, level, starts_on::text, ends_on::text, reason, question, decided_by, decided_by_name, meeting,
  consent_on::text, consent_note`;

export function toLevelEntry(r: LevelRow): LevelEntry {
  return {
    id: r.id, level: r.level, startsOn: r.starts_on, endsOn: r.ends_on, reason: r.reason, question: r.question,
    decidedById: r.decided_by, decidedByName: r.decided_by_name, meeting: r.meeting, consentOn: r.consent_on, consentNote: r.consent_note,
  };
}

/** Each pupil's level history, newest first (pupils without any entry are absent). */
export async function levelHistories(db: DbOrTx, pupilIds: readonly number[]): Promise<Map<number, LevelEntry[]>> {
  const out = new Map<number, LevelEntry[]>();
  if (pupilIds.length === 0) return out;
  const list = await rows<LevelRow>(db, sql`select ${LEVEL_COLUMNS} from support_levels
    where pupil_id = any(${intArray(pupilIds)}) order by pupil_id, starts_on desc, id desc`);
  for (const r of list) {
    const h = out.get(r.pupil_id);
    if (h) h.push(toLevelEntry(r));
    else out.set(r.pupil_id, [toLevelEntry(r)]);
  }
  return out;
}

/** All care periods of all the school's years, in date order. */
export async function schoolPeriods(db: DbOrTx, schoolId: number): Promise<{ startsOn: string; endsOn: string }[]> {
  return rows<{ startsOn: string; endsOn: string }>(db, sql`
    select cp.starts_on::text as "startsOn", cp.ends_on::text as "endsOn"
    from care_periods cp join school_years y on y.id = cp.school_year_id
    where y.school_id = ${schoolId} order by cp.starts_on, cp.seq`);
}

/** Per pupil the kinds of its running plans (published and not closed: active or evaluated). */
export async function activePlanKinds(db: DbOrTx, pupilIds: readonly number[]): Promise<Map<number, SupportPlanKind[]>> {
  const out = new Map<number, SupportPlanKind[]>();
  if (pupilIds.length === 0) return out;
  const list = await rows<{ pupil_id: number; kind: SupportPlanKind }>(db, sql`
    select distinct pp.pupil_id, p.kind from support_plan_pupils pp join support_plans p on p.id = pp.plan_id
    where pp.pupil_id = any(${intArray(pupilIds)}) and p.status in ('active', 'evaluated') order by pp.pupil_id, p.kind`);
  for (const r of list) {
    const kinds = out.get(r.pupil_id);
    if (kinds) kinds.push(r.kind);
    else out.set(r.pupil_id, [r.kind]);
  }
  return out;
}

/**
 * OPP candidates (seed 002 4.9): the pupils whose live signals (the school's active rules on their latest results, as
 * the groepsoverzicht evaluates them) include a kind the school counts as OPP criterion. Only candidates are in the
 * map, with the Dutch reasons.
 */
export async function oppCandidateFor(db: DbOrTx, schoolId: number, sector: 'po' | 'vo', pupilIds: readonly number[], settings: SupportSettings): Promise<Map<number, string[]>> {
  const out = new Map<number, string[]>();
  if (pupilIds.length === 0 || settings.oppCandidateRuleKinds.length === 0) return out;
  const rules = (await loadRules(db, schoolId, true)).filter((r) => settings.oppCandidateRuleKinds.includes(r.kind));
  if (rules.length === 0) return out;
  const points = await resultPoints(db, pupilIds, sector, signalScope(rules, 1));
  for (const pupilId of pupilIds) {
    const items = points.get(pupilId);
    if (!items?.length) continue;
    const reasons = oppCandidateReasons(evaluateSignals(rules, items.map((x) => x.point)), settings);
    if (reasons.length) out.set(pupilId, reasons);
  }
  return out;
}

/** The school's support settings (each part falls back on its default) and its sector. */
export async function supportSettingsOf(db: DbOrTx, schoolId: number): Promise<{ settings: SupportSettings; sector: 'po' | 'vo' }> {
  const [s] = await rows<{ sector: 'po' | 'vo'; settings: unknown }>(db, sql`select sector, settings from schools where id = ${schoolId}`);
  if (!s) throw notFound('Deze school');
  const stored = (typeof s.settings === 'object' && s.settings ? s.settings : {}) as Record<string, unknown>;
  return { settings: readSupportSettings(s.sector, stored.support), sector: s.sector };
}

interface ResponseRow {
  id: number; version_number: number; pupil_id: number; guardian_id: number; guardian_name: string; kind: ParentResponse['kind'];
  statement: string; method: ParentResponse['method']; content_hash: string; signed_on: string; recorded_at: string | Date;
  recorded_by_name: string; scan_id: number | null;
}

/** The columns `toParentResponse` reads; the query must alias support_plan_responses as r and the version as v. */
export const RESPONSE_COLUMNS = sql`r.id, v.number as version_number, r.pupil_id, r.guardian_id, r.guardian_name, r.kind, r.statement, r.method,
  r.content_hash, r.signed_on::text, r.recorded_at, r.recorded_by_name, r.scan_id`;

export function toParentResponse(r: ResponseRow): ParentResponse {
  return {
    id: r.id, versionNumber: r.version_number, pupilId: r.pupil_id, guardianId: r.guardian_id, guardianName: r.guardian_name,
    kind: r.kind, statement: r.statement, method: r.method, contentHash: r.content_hash, signedOn: r.signed_on,
    recordedAt: timestampText(r.recorded_at), recordedByName: r.recorded_by_name, scanId: r.scan_id,
  };
}

/** A timestamptz as ISO text, whichever way the driver hands it over. */
function timestampText(value: string | Date): string {
  return value instanceof Date ? value.toISOString() : new Date(value).toISOString();
}

/**
 * Per plan: its latest version number (0 = never published), that version's publication date (Dutch calendar) and,
 * per pupil of the plan, the signature state of that version (guardians with gezag and their latest signing responses).
 * Plans that do not exist are absent.
 */
export async function signatureStates(db: DbOrTx, planIds: readonly number[]): Promise<Map<number, { latestVersion: number; publishedOn: string | null; perPupil: Record<number, VersionSignatureState> }>> {
  const out = new Map<number, { latestVersion: number; publishedOn: string | null; perPupil: Record<number, VersionSignatureState> }>();
  if (planIds.length === 0) return out;
  const plans = await rows<{ id: number; school_id: number; kind: SupportPlanKind; version_id: number | null; number: number | null; published_at: string | Date | null }>(db, sql`
    select p.id, p.school_id, p.kind, v.id as version_id, v.number, v.published_at
    from support_plans p
    left join lateral (select id, number, published_at from support_plan_versions where plan_id = p.id order by number desc limit 1) v on true
    where p.id = any(${intArray(planIds)})`);
  if (plans.length === 0) return out;
  const ids = plans.map((p) => p.id);
  const versionIds = plans.flatMap((p) => (p.version_id == null ? [] : [p.version_id]));
  const members = await rows<{ plan_id: number; pupil_id: number }>(db, sql`
    select plan_id, pupil_id from support_plan_pupils where plan_id = any(${intArray(ids)}) order by plan_id, pupil_id`);
  const pupilIds = [...new Set(members.map((m) => m.pupil_id))];
  const guardians = versionIds.length === 0 ? [] : await rows<{ pupil_id: number; id: number; name: string; has_authority: boolean }>(db, sql`
    select g.pupil_id, u.id, u.name, g.has_authority from guardians g join users u on u.id = g.user_id
    where g.pupil_id = any(${intArray(pupilIds)}) order by g.pupil_id, u.name, u.id`);
  const responses = versionIds.length === 0 ? [] : await rows<ResponseRow & { version_id: number }>(db, sql`
    select ${RESPONSE_COLUMNS}, r.version_id from support_plan_responses r join support_plan_versions v on v.id = r.version_id
    where r.version_id = any(${intArray(versionIds)}) order by r.recorded_at, r.id`);
  const schools = [...new Set(plans.map((p) => p.school_id))];
  const settingsOf = new Map<number, SupportSettings>();
  for (const schoolId of schools) settingsOf.set(schoolId, (await supportSettingsOf(db, schoolId)).settings);

  const guardiansOf = new Map<number, { id: number; name: string; hasAuthority: boolean }[]>();
  for (const g of guardians) {
    const list = guardiansOf.get(g.pupil_id) ?? [];
    list.push({ id: g.id, name: g.name, hasAuthority: g.has_authority });
    guardiansOf.set(g.pupil_id, list);
  }
  const responsesOf = new Map<string, ParentResponse[]>();
  for (const r of responses) {
    const key = `${r.version_id}:${r.pupil_id}`;
    const list = responsesOf.get(key) ?? [];
    list.push(toParentResponse(r));
    responsesOf.set(key, list);
  }
  const membersOf = new Map<number, number[]>();
  for (const m of members) membersOf.set(m.plan_id, [...(membersOf.get(m.plan_id) ?? []), m.pupil_id]);

  for (const p of plans) {
    const perPupil: Record<number, VersionSignatureState> = {};
    if (p.version_id != null) {
      const requirement = signatureRequirement(p.kind, settingsOf.get(p.school_id)!);
      for (const pupilId of membersOf.get(p.id) ?? []) {
        perPupil[pupilId] = signatureState(requirement, guardiansOf.get(pupilId) ?? [], responsesOf.get(`${p.version_id}:${pupilId}`) ?? []);
      }
    }
    out.set(p.id, {
      latestVersion: p.number ?? 0,
      publishedOn: p.published_at == null ? null : dutchDateOf(new Date(p.published_at)),
      perPupil,
    });
  }
  return out;
}
