// Persistence of individual support: plans with their pupils, published versions (hash-bound), parents' responses,
// meetings, notes and scans, and the views the routes answer with (staff plan page, parent portal, support page).
// The loaders shared with the overview and the task list are in facts.ts.
import { createHash } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { composeNeeds } from '../../domain/group-cycle/hulpzinnen';
import type { OverviewLineFields, PlanDocument, PlanFormat } from '../../domain/group-cycle/model';
import { planRowLabel } from '../../domain/group-cycle/requirements';
import {
  canonicalJson, findingsFor, nextOppEvaluation, oppSetBy, signatureState, versionPayload,
  type ActionPlanDoc, type DevelopmentPerspectiveDoc, type ParentMeetingView, type ParentResponse, type PersonRef,
  type PlanNoteView, type PlanVersionView, type PlanView, type SignatureRequirement, type SupportOrganisation,
  type SupportPlanDoc, type SupportPlanKind, type SupportPlanStatus, type SupportSettings,
} from '../../domain/support';
import { readSchoolSettings } from '../../domain/school/settings';
import { resultPoints } from '../assessments/repo';
import { intArray, isoTimestamp, rows, type DbOrTx } from '../db/client';
import { notFound } from '../http/errors';
import { RESPONSE_COLUMNS, toParentResponse } from './facts';


/** sha-256 (hex) of the canonical JSON of { title, doc }: what a parent's response is bound to. */
export function contentHash(title: string, doc: SupportPlanDoc): string {
  return createHash('sha256').update(canonicalJson(versionPayload(title, doc))).digest('hex');
}

// ---- Blank documents ----

export function emptyOrganisation(): SupportOrganisation {
  return { who: '', where: '', when: '', frequency: '', minutesPerWeek: null, place: 'inGroup' };
}

export function blankActionPlan(format: ActionPlanDoc['format'], subject: string, startsOn: string, endsOn: string): ActionPlanDoc {
  return {
    kind: 'actionPlan', format, subject, startsOn, endsOn, problem: '', expectation: '', needs: '', goals: [], content: '', approach: '',
    organisation: emptyOrganisation(), evaluationPlan: { how: '', who: '' }, parentAgreements: '', evaluation: { summary: '', decision: null },
  };
}

export function blankDevelopmentPerspective(startsOn: string, endsOn: string): DevelopmentPerspectiveDoc {
  return {
    kind: 'developmentPerspective', startsOn, endsOn, exitDestination: null, reasoning: '', hinderingFactors: [], stimulatingFactors: [],
    needs: '', support: '', deviations: '', organisation: emptyOrganisation(), domains: [],
    pupilVoice: { heard: false, heardOn: null, text: '', notHeardReason: '' }, involved: [], parentAgreements: '',
  };
}

// ---- Pupils ----

export interface PupilBasics { id: number; firstName: string; lastName: string; name: string; schoolId: number; schoolName: string; sector: 'po' | 'vo'; groupName: string | null }

export async function pupilBasics(db: DbOrTx, pupilId: number, today: string): Promise<PupilBasics> {
  const [p] = await rows<{ id: number; first_name: string; last_name: string; school_id: number; school_name: string; sector: 'po' | 'vo'; group_name: string | null }>(db, sql`
    select p.id, p.first_name, p.last_name, p.school_id, s.name as school_name, s.sector,
      (select g.name from enrolments e join groups g on g.id = e.group_id join school_years y on y.id = e.school_year_id
       where e.pupil_id = p.id and y.starts_on <= ${today}::date and y.ends_on >= ${today}::date limit 1) as group_name
    from pupils p join schools s on s.id = p.school_id where p.id = ${pupilId}`);
  if (!p) throw notFound('Deze leerling');
  return {
    id: p.id, firstName: p.first_name, lastName: p.last_name, name: `${p.first_name} ${p.last_name}`, schoolId: p.school_id,
    schoolName: p.school_name, sector: p.sector, groupName: p.group_name,
  };
}

export interface Guardian { id: number; name: string; hasAuthority: boolean }

export async function guardiansOf(db: DbOrTx, pupilId: number): Promise<Guardian[]> {
  return rows<Guardian>(db, sql`select u.id, u.name, g.has_authority as "hasAuthority" from guardians g join users u on u.id = g.user_id
    where g.pupil_id = ${pupilId} order by u.name, u.id`);
}

// ---- Plans ----

export interface PlanRecord {
  id: number; schoolId: number; kind: SupportPlanKind; title: string; status: SupportPlanStatus; version: number; doc: SupportPlanDoc;
  startsOn: string | null; endsOn: string | null; extensions: number; decidedOn: string | null; groupPlanId: number | null;
  groupPlanRow: string | null; previousPlanId: number | null; createdBy: PersonRef; updatedAt: string;
}

const PLAN_COLUMNS = sql`p.id, p.school_id as "schoolId", p.kind, p.title, p.status, p.version, p.doc, p.starts_on::text as "startsOn",
  p.ends_on::text as "endsOn", p.extensions, p.decided_on::text as "decidedOn", p.group_plan_id as "groupPlanId",
  p.group_plan_row as "groupPlanRow", p.previous_plan_id as "previousPlanId", p.created_by as "createdById", u.name as "createdByName",
  ${isoTimestamp(sql.raw('p.updated_at'))} as "updatedAt"`;

type PlanDbRow = Omit<PlanRecord, 'createdBy'> & { createdById: number | null; createdByName: string | null };

function toPlan(r: PlanDbRow): PlanRecord {
  const { createdById, createdByName, ...rest } = r;
  return { ...rest, extensions: Number(rest.extensions), createdBy: { id: createdById ?? 0, name: createdByName ?? '' } };
}

/**
 * The plan `rawPlanId` as reached through pupil `pupilId` (the route's pupil): a plan that does not exist, or does not
 * include that pupil, is a 404 alike.
 */
export async function planOfPupil(db: DbOrTx, pupilId: number, rawPlanId: string | number, forUpdate = false): Promise<PlanRecord> {
  const planId = typeof rawPlanId === 'number' ? rawPlanId : /^\d{1,9}$/.test(rawPlanId) ? Number(rawPlanId) : 0;
  const [p] = planId > 0 ? await rows<PlanDbRow>(db, sql`
    select ${PLAN_COLUMNS} from support_plans p left join users u on u.id = p.created_by
    where p.id = ${planId} and exists (select 1 from support_plan_pupils pp where pp.plan_id = p.id and pp.pupil_id = ${pupilId})
    ${forUpdate ? sql`for update of p` : sql``}`) : [];
  if (!p) throw notFound('Dit plan');
  return toPlan(p);
}

export interface PlanPupil { id: number; firstName: string; lastName: string; name: string }

export async function planPupils(db: DbOrTx, planId: number): Promise<PlanPupil[]> {
  const list = await rows<{ id: number; first_name: string; last_name: string }>(db, sql`
    select p.id, p.first_name, p.last_name from support_plan_pupils pp join pupils p on p.id = pp.pupil_id
    where pp.plan_id = ${planId} order by p.last_name collate "und-x-icu", p.first_name collate "und-x-icu", p.id`);
  return list.map((p) => ({ id: p.id, firstName: p.first_name, lastName: p.last_name, name: `${p.first_name} ${p.last_name}` }));
}

/** The names a multi-pupil plan's text must not contain (first names and full names); none for a one-pupil plan. */
export function forbiddenNames(pupils: readonly PlanPupil[]): string[] {
  if (pupils.length < 2) return [];
  return [...new Set(pupils.flatMap((p) => [p.firstName, p.name]))];
}

export interface VersionRecord {
  id: number; number: number; title: string; doc: SupportPlanDoc; contentHash: string; publishedAt: string; publishedBy: PersonRef;
}

export async function versionsOf(db: DbOrTx, planId: number): Promise<VersionRecord[]> {
  const list = await rows<{ id: number; number: number; title: string; doc: SupportPlanDoc; content_hash: string; published_at: string; published_by: number | null; published_by_name: string }>(db, sql`
    select id, number, title, doc, content_hash, ${isoTimestamp(sql.raw('published_at'))} as published_at, published_by, published_by_name
    from support_plan_versions where plan_id = ${planId} order by number desc`);
  return list.map((v) => ({
    id: v.id, number: v.number, title: v.title, doc: v.doc, contentHash: v.content_hash, publishedAt: v.published_at,
    publishedBy: { id: v.published_by ?? 0, name: v.published_by_name },
  }));
}

/** The responses of one pupil's guardians on the plan's versions, oldest first. */
export async function responsesOf(db: DbOrTx, planId: number, pupilId: number): Promise<ParentResponse[]> {
  const list = await rows<Parameters<typeof toParentResponse>[0]>(db, sql`
    select ${RESPONSE_COLUMNS} from support_plan_responses r join support_plan_versions v on v.id = r.version_id
    where r.plan_id = ${planId} and r.pupil_id = ${pupilId} order by r.recorded_at, r.id`);
  return list.map(toParentResponse);
}

/** The published versions, newest first, with the responses and signature state of the route's pupil's guardians. */
export function versionViews(versions: readonly VersionRecord[], responses: readonly ParentResponse[], requirement: SignatureRequirement, guardians: readonly Guardian[]): PlanVersionView[] {
  return versions.map((v) => {
    const own = responses.filter((r) => r.versionNumber === v.number);
    return {
      number: v.number, doc: v.doc, title: v.title, contentHash: v.contentHash, publishedAt: v.publishedAt, publishedBy: v.publishedBy,
      responses: own, signatures: signatureState(requirement, [...guardians], own),
    };
  });
}

export async function meetingsOf(db: DbOrTx, planId: number, meetingId?: number): Promise<ParentMeetingView[]> {
  return rows<ParentMeetingView>(db, sql`
    select m.id, m.version, m.held_on::text as "heldOn", m.purpose, m.participants, m.subject, m.agreements, m.school_view as "schoolView",
      m.parent_view as "parentView", m.disagreement, m.consequences_explained as "consequencesExplained", m.earlier_meeting_on::text as "earlierMeetingOn",
      json_build_object('id', coalesce(m.created_by, 0), 'name', coalesce(u.name, '')) as "createdBy", ${isoTimestamp(sql.raw('m.created_at'))} as "createdAt"
    from support_plan_meetings m left join users u on u.id = m.created_by
    where m.plan_id = ${planId} ${meetingId != null ? sql`and m.id = ${meetingId}` : sql``}
    order by m.held_on desc, m.id desc`);
}

export async function notesOf(db: DbOrTx, planId: number, noteId?: number): Promise<PlanNoteView[]> {
  return rows<PlanNoteView>(db, sql`
    select n.id, n.noted_on::text as "notedOn", n.text, json_build_object('id', coalesce(n.author_id, 0), 'name', n.author_name) as author,
      ${isoTimestamp(sql.raw('n.created_at'))} as "createdAt"
    from support_plan_notes n where n.plan_id = ${planId} ${noteId != null ? sql`and n.id = ${noteId}` : sql``}
    order by n.noted_on desc, n.id desc`);
}

/** "Last evaluated" of an OPP: the latest meeting with parents held for the evaluation. */
export function lastEvaluatedOn(meetings: readonly ParentMeetingView[]): string | null {
  return meetings.filter((m) => m.purpose === 'evaluation').map((m) => m.heldOn).sort().pop() ?? null;
}

/** OPP growth chart: per domain with an instrument, the pupil's results of it (DLE or ability score, as the domain measures). */
export async function growthActuals(db: DbOrTx, doc: SupportPlanDoc, pupilId: number, sector: 'po' | 'vo'): Promise<PlanView['actuals']> {
  const out: PlanView['actuals'] = {};
  if (doc.kind !== 'developmentPerspective') return out;
  const measured = doc.domains.filter((d) => d.instrumentId != null);
  if (measured.length === 0) return out;
  const points = (await resultPoints(db, [pupilId], sector)).get(pupilId) ?? [];
  for (const d of measured) {
    out[d.key] = points
      .filter((x) => x.instrument.id === d.instrumentId)
      .flatMap((x) => {
        const value = d.measure === 'dle' ? x.result.dle : x.result.abilityScore;
        return value == null ? [] : [{ on: x.result.takenOn, value: Number(value), label: `${x.instrument.name} ${x.result.moment}` }];
      });
  }
  return out;
}

/** The groepsplan row a handelingsplan is linked to, with a readable label ("Groepsplan 1e helft, groep 5 — Intensief"). */
export async function groupPlanLinkOf(db: DbOrTx, groupPlanId: number | null, rowKey: string | null): Promise<PlanView['groupPlanLink']> {
  if (groupPlanId == null || rowKey == null) return null;
  const [gp] = await rows<{ id: number; format: PlanFormat; doc: PlanDocument; sector: 'po' | 'vo'; settings: unknown; period_name: string; group_name: string }>(db, sql`
    select gp.id, gp.format, gp.doc, s.sector, s.settings, cp.name as period_name, g.name as group_name
    from group_plans gp join care_periods cp on cp.id = gp.period_id join groups g on g.id = gp.group_id join schools s on s.id = gp.school_id
    where gp.id = ${groupPlanId}`);
  if (!gp) return null;
  const row = gp.doc.rows.find((r) => r.key === rowKey);
  const label = row ? planRowLabel(row, gp.format, { clusters: readSchoolSettings(gp.sector, gp.settings).groupCycle.clusters }) : rowKey;
  return { planId: gp.id, rowKey, label: `Groepsplan ${gp.period_name}, groep ${gp.group_name} — ${label}` };
}

/** The pupil's latest groepsoverzicht line (any form, newest period first). */
export async function latestOverviewLine(db: DbOrTx, pupilId: number): Promise<OverviewLineFields | null> {
  const [l] = await rows<{ fields: OverviewLineFields }>(db, sql`
    select l.fields from group_overview_lines l join group_overviews o on o.id = l.overview_id join care_periods cp on cp.id = o.period_id
    where l.pupil_id = ${pupilId} order by cp.starts_on desc, (o.form = 'crossSubject') desc, o.updated_at desc, o.id desc limit 1`);
  return l?.fields ?? null;
}

/** The needs of an overview line as one text: per need its goal and what the pupil needs (hulpzinnen composed where empty). */
export function needsText(fields: OverviewLineFields | null): string {
  if (!fields) return '';
  return fields.needs.map((n) => {
    const needs = n.needs.trim() || composeNeeds(n.phrases);
    const goal = n.goal.trim();
    return goal && needs ? `${goal}: ${needs}` : goal || needs;
  }).filter((s) => s).join('\n');
}

/**
 * The groepsplan rows of this school year that include the pupil (the basisgroep, the pupil's instruction group, a row
 * for the pupil alone), newest period first: what a handelingsplan can be linked to.
 */
export async function groupPlanLinksOf(db: DbOrTx, pupilId: number, today: string): Promise<{ planId: number; periodName: string; groupName: string; rowKey: string; rowLabel: string }[]> {
  const list = await rows<{ id: number; format: PlanFormat; doc: PlanDocument; cluster: string | null; period_name: string; group_name: string; sector: 'po' | 'vo'; settings: unknown }>(db, sql`
    select gp.id, gp.format, gp.doc, l.cluster, cp.name as period_name, g.name as group_name, s.sector, s.settings
    from group_overview_lines l join group_plans gp on gp.overview_id = l.overview_id
    join care_periods cp on cp.id = gp.period_id join school_years y on y.id = cp.school_year_id
    join groups g on g.id = gp.group_id join schools s on s.id = gp.school_id
    where l.pupil_id = ${pupilId} and y.starts_on <= ${today}::date and y.ends_on >= ${today}::date
    order by cp.starts_on desc, gp.id desc`);
  const out: { planId: number; periodName: string; groupName: string; rowKey: string; rowLabel: string }[] = [];
  for (const gp of list) {
    const { clusters } = readSchoolSettings(gp.sector, gp.settings).groupCycle;
    for (const row of gp.doc.rows) {
      const includes = row.kind === 'base' || (row.kind === 'cluster' && row.clusterKey === gp.cluster) || (row.kind === 'pupil' && row.pupilId === pupilId);
      if (!includes) continue;
      out.push({ planId: gp.id, periodName: gp.period_name, groupName: gp.group_name, rowKey: row.key, rowLabel: planRowLabel(row, gp.format, { clusters }) });
    }
  }
  return out;
}

/** Whether the working text differs from the latest version (or was never published). */
export function hasUnpublishedChanges(plan: { title: string; doc: SupportPlanDoc }, latestHash: string | null): boolean {
  return latestHash == null || latestHash !== contentHash(plan.title, plan.doc);
}

/** The latest version's content hash per plan (absent: never published). */
export async function latestHashes(db: DbOrTx, planIds: readonly number[]): Promise<Map<number, string>> {
  if (planIds.length === 0) return new Map();
  const list = await rows<{ plan_id: number; content_hash: string }>(db, sql`
    select distinct on (plan_id) plan_id, content_hash from support_plan_versions where plan_id = any(${intArray(planIds)}) order by plan_id, number desc`);
  return new Map(list.map((r) => [r.plan_id, r.content_hash]));
}

/**
 * The staff plan page. `visible`: the plan's pupils the user may see (pupil.viewCare) — only they are named.
 */
export async function planView(db: DbOrTx, plan: PlanRecord, pupilId: number, opts: {
  settings: SupportSettings; sector: 'po' | 'vo'; requirement: SignatureRequirement; visible: ReadonlySet<number>; canEdit: boolean;
}): Promise<PlanView> {
  const pupils = await planPupils(db, plan.id);
  const guardians = await guardiansOf(db, pupilId);
  const versions = await versionsOf(db, plan.id);
  const responses = await responsesOf(db, plan.id, pupilId);
  const meetings = await meetingsOf(db, plan.id);
  const notes = await notesOf(db, plan.id);
  const actuals = await growthActuals(db, plan.doc, pupilId, opts.sector);
  const groupPlanLink = await groupPlanLinkOf(db, plan.groupPlanId, plan.groupPlanRow);
  const named = pupils.filter((p) => p.id === pupilId || opts.visible.has(p.id));
  const isOpp = plan.kind === 'developmentPerspective';
  const last = isOpp ? lastEvaluatedOn(meetings) : null;
  return {
    id: plan.id, kind: plan.kind, title: plan.title, status: plan.status, version: plan.version, doc: plan.doc, extensions: plan.extensions,
    decidedOn: plan.decidedOn, groupPlanLink,
    pupils: named.map((p) => ({ id: p.id, name: p.name })), otherPupils: pupils.length - named.length,
    guardians, requirement: opts.requirement,
    versions: versionViews(versions, responses, opts.requirement, guardians),
    unpublishedChanges: hasUnpublishedChanges(plan, versions[0]?.contentHash ?? null),
    meetings, notes,
    findings: findingsFor(opts.settings, plan.doc, plan.extensions, forbiddenNames(pupils)),
    actuals,
    deadlines: {
      setBy: isOpp && plan.decidedOn ? oppSetBy(plan.decidedOn, opts.settings) : null,
      nextEvaluationBy: isOpp ? nextOppEvaluation(plan.doc.startsOn, last, opts.settings) : null,
      lastEvaluatedOn: last,
    },
    createdBy: plan.createdBy, updatedAt: plan.updatedAt,
    can: { edit: opts.canEdit, recordPaper: opts.canEdit && versions.length > 0 && plan.status !== 'closed' },
  };
}

/** The file name of a version's PDF ("handelingsplan-rekenen-v2.pdf"). */
export function pdfFileName(kind: SupportPlanKind, title: string, number: number): string {
  const slug = title.normalize('NFKD').replace(/[^\w\s-]/g, '').trim().replace(/\s+/g, '-').toLowerCase().slice(0, 60);
  return `${kind === 'actionPlan' ? 'handelingsplan' : 'opp'}${slug ? `-${slug}` : ''}-v${number}.pdf`;
}
