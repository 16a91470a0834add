// Persistence of the group cycle: overviews with their pupil lines, plans with revisions, notes and checklists,
// and the views the routes, the PDF and the benchmark share (an overview with live results and signals; a plan with
// its members and evidence).
import { sql } from 'drizzle-orm';
import type { Domain } from '../../domain/assessments/instruments';
import type { LevelScale } from '../../domain/assessments/scales';
import { evaluateSignals, type Signal } from '../../domain/assessments/signals';
import { checkClustering, suggestClusters } from '../../domain/group-cycle/clustering';
import { goalMet } from '../../domain/group-cycle/evidence';
import type {
  ClusterDef, GroupCycleSettings, OverviewForm, OverviewLineFields, OverviewStatus, PlanDocument, PlanFormat, PlanReflection, PlanStatus,
  RequiredField, SmartFinding,
} from '../../domain/group-cycle/model';
import { checkOverviewRequirements, checkPlanRequirements } from '../../domain/group-cycle/requirements';
import { planFormatFor } from '../../domain/group-cycle/settings';
import { checkRowSmart, checkSmart } from '../../domain/group-cycle/smart';
import { readSchoolSettings } from '../../domain/school/settings';
import { levelsAtOrAbove, loadRules, resultNormOf, resultPoints, signalScope } from '../assessments/repo';
import { intArray, rows, type DbOrTx } from '../db/client';
import type { GroupInfo } from '../groups/repo';
import { notFound } from '../http/errors';

export interface Period { id: number; name: string; startsOn: string; endsOn: string; current: boolean }

export interface CycleSchool {
  name: string;
  sector: 'po' | 'vo';
  settings: GroupCycleSettings;
  norm: { scale: LevelScale; level: string; percent: number };
}

export async function cycleSchool(db: DbOrTx, schoolId: number): Promise<CycleSchool> {
  const [s] = await rows<{ name: string; sector: 'po' | 'vo'; settings: unknown }>(db, sql`select name, sector, settings from schools where id = ${schoolId}`);
  if (!s) throw notFound('Deze school');
  const all = readSchoolSettings(s.sector, s.settings);
  return { name: s.name, sector: s.sector, settings: all.groupCycle, norm: resultNormOf(all) };
}

/** The care-cycle periods of a school year, in order. */
export async function periodsOfYear(db: DbOrTx, schoolYearId: number, today: string): Promise<Period[]> {
  const list = await rows<{ id: number; name: string; starts_on: string; ends_on: string }>(db, sql`
    select id, name, starts_on::text, ends_on::text from care_periods where school_year_id = ${schoolYearId} order by seq`);
  return list.map((p) => ({ id: p.id, name: p.name, startsOn: p.starts_on, endsOn: p.ends_on, current: p.starts_on <= today && today <= p.ends_on }));
}

export async function staffOf(db: DbOrTx, groupId: number) {
  return rows<{ userId: number; name: string; kind: string }>(db, sql`
    select u.id as "userId", u.name, gs.kind from group_staff gs join users u on u.id = gs.user_id
    where gs.group_id = ${groupId} order by gs.kind, u.name`);
}

export interface OverviewRow {
  id: number; school_id: number; group_id: number; period_id: number; form: OverviewForm; subject: string;
  status: OverviewStatus; version: number; attention_points: string; updated_at: string;
}

export async function overviewRow(db: DbOrTx, id: number): Promise<OverviewRow> {
  const [o] = await rows<OverviewRow>(db, sql`select id, school_id, group_id, period_id, form, subject, status, version, attention_points, updated_at
    from group_overviews where id = ${id}`);
  if (!o) throw notFound('Dit groepsoverzicht');
  return o;
}

export interface LineRow { pupil_id: number; first_name: string; last_name: string; version: number; cluster: string | null; fields: OverviewLineFields }

/** The pupils of the lines, as plans and their checks name them. */
export function membersOf(lines: readonly LineRow[]): Member[] {
  return lines.map((l) => ({ pupilId: l.pupil_id, firstName: l.first_name, lastName: l.last_name }));
}

/** The school's required fields checked against the lines (before an overview is set). */
export function overviewRequirements(required: RequiredField[], lines: readonly LineRow[]) {
  return checkOverviewRequirements(required, lines.map((l) => ({ pupilId: l.pupil_id, name: `${l.first_name} ${l.last_name}`, fields: l.fields })));
}

export async function overviewLines(db: DbOrTx, overviewId: number): Promise<LineRow[]> {
  return rows<LineRow>(db, sql`
    select l.pupil_id, p.first_name, p.last_name, l.version, l.cluster, l.fields
    from group_overview_lines l join pupils p on p.id = l.pupil_id
    where l.overview_id = ${overviewId}
    order by p.last_name collate "und-x-icu", p.first_name collate "und-x-icu", p.id`);
}

/** Each pupil's latest line in an earlier period's overview of the same form and subject (any group: also last year's). */
export async function previousLines(db: DbOrTx, pupilIds: readonly number[], form: OverviewForm, subject: string, before: string) {
  if (pupilIds.length === 0) return new Map<number, { periodName: string; fields: OverviewLineFields; cluster: string | null }>();
  const list = await rows<{ pupil_id: number; fields: OverviewLineFields; cluster: string | null; period_name: string }>(db, sql`
    select distinct on (l.pupil_id) l.pupil_id, l.fields, l.cluster, cp.name as period_name
    from group_overview_lines l join group_overviews o on o.id = l.overview_id join care_periods cp on cp.id = o.period_id
    where l.pupil_id = any(${intArray(pupilIds)}) and o.form = ${form} and o.subject = ${subject} and cp.starts_on < ${before}::date
    order by l.pupil_id, cp.starts_on desc`);
  return new Map(list.map((r) => [r.pupil_id, { periodName: r.period_name, fields: r.fields, cluster: r.cluster }]));
}

export interface ResultCell {
  instrumentId: number; moment: string; takenOn: string; level: string | null; abilityScore: number | null; dle: number | null;
  /** A result without a level or score, e.g. an AVI level ("E4"). */
  textValue: string | null;
  belowNorm: boolean;
}

/** The domains whose results an overview shows: the subject's, or (vakoverstijgend) the school's subjects plus SEO. */
export function overviewDomains(form: OverviewForm, subject: string, settings: GroupCycleSettings): Set<string> {
  return new Set(form === 'subject' ? [subject] : [...settings.subjects, 'seo']);
}

/**
 * Results (the last three moments per instrument up to the period's end, newest first) and live signals of the
 * pupils, for the overview and for suggesting clusters.
 */
export async function resultsAndSignals(db: DbOrTx, schoolId: number, school: CycleSchool, pupilIds: readonly number[], domains: Set<string>, until: string) {
  const rules = await loadRules(db, schoolId, true);
  // Only what the overview shows and its signals look at: results up to the period's end, of its domains, the latest few
  // (resultPoints filters in SQL, so every point below is in range).
  const points = await resultPoints(db, pupilIds, school.sector, { until, domains: [...domains], ...signalScope(rules, 3) });
  const instruments = new Map<number, { id: number; name: string; domain: Domain; levelScale: LevelScale | null }>();
  const results = new Map<number, ResultCell[]>();
  const signals = new Map<number, Signal[]>();
  const atOrAbove = new Map<LevelScale, Set<string>>();
  const okLevels = (scale: LevelScale) => {
    let set = atOrAbove.get(scale);
    if (!set) atOrAbove.set(scale, (set = new Set(levelsAtOrAbove(scale, school.norm.scale, school.norm.level))));
    return set;
  };
  for (const pupilId of pupilIds) {
    const items = points.get(pupilId) ?? [];
    signals.set(pupilId, evaluateSignals(rules, items.map((x) => x.point)));
    const perInstrument = new Map<number, ResultCell[]>();
    for (let i = items.length - 1; i >= 0; i--) {
      const { result, instrument } = items[i];
      const cells = perInstrument.get(instrument.id) ?? [];
      if (cells.length >= 3) continue;
      instruments.set(instrument.id, { id: instrument.id, name: instrument.name, domain: instrument.domain as Domain, levelScale: instrument.levelScale });
      const main = result.level && instrument.levelScale ? result.level.replace(/[+-]$/, '') : null;
      cells.push({
        instrumentId: instrument.id, moment: result.moment, takenOn: result.takenOn, level: result.level, abilityScore: result.abilityScore, dle: result.dle, textValue: result.textValue,
        belowNorm: main != null && instrument.levelScale != null && !okLevels(instrument.levelScale).has(main),
      });
      perInstrument.set(instrument.id, cells);
    }
    results.set(pupilId, [...perInstrument.values()].flat());
  }
  const order = [...domains];
  const columns = [...instruments.values()].sort((a, b) => order.indexOf(a.domain) - order.indexOf(b.domain) || a.name.localeCompare(b.name, 'nl'));
  return { instruments: columns, results, signals };
}

/** The overview as the page, the PDF and the benchmark read it. */
export async function overviewView(db: DbOrTx, o: OverviewRow, group: GroupInfo, today: string) {
  const school = await cycleSchool(db, o.school_id);
  const periods = await periodsOfYear(db, group.schoolYearId, today);
  const period = periods.find((p) => p.id === o.period_id)!;
  const [lines, staff, plan] = await Promise.all([
    overviewLines(db, o.id),
    staffOf(db, group.id),
    rows<{ id: number; status: PlanStatus; format: PlanFormat }>(db, sql`select id, status, format from group_plans where overview_id = ${o.id}`),
  ]);
  const ids = lines.map((l) => l.pupil_id);
  const [live, previous] = await Promise.all([
    resultsAndSignals(db, o.school_id, school, ids, overviewDomains(o.form, o.subject, school.settings), period.endsOn),
    previousLines(db, ids, o.form, o.subject, period.startsOn),
  ]);
  const clusters = school.settings.clusters;
  const suggested = suggestClusters(clusters, ids.map((pupilId) => ({ pupilId, signals: live.signals.get(pupilId) ?? [] })));
  const format = plan[0]?.format ?? planFormatOf(school, group);
  return {
    id: o.id, version: o.version, status: o.status, form: o.form, subject: o.subject || null, attentionPoints: o.attention_points, updatedAt: o.updated_at,
    group: { id: group.id, name: group.name, sector: group.sector, grades: group.grades }, period, schoolName: school.name, staff,
    settings: { clusters, requiredFields: school.settings.requiredFields },
    instruments: live.instruments,
    lines: lines.map((l) => ({
      pupilId: l.pupil_id, firstName: l.first_name, lastName: l.last_name, version: l.version, cluster: l.cluster, fields: l.fields,
      results: live.results.get(l.pupil_id) ?? [], signals: live.signals.get(l.pupil_id) ?? [],
      suggestedCluster: suggested.get(l.pupil_id) ?? null, previous: previous.get(l.pupil_id) ?? null,
    })),
    clusterProblems: checkClustering(format, clusters, lines.map((l) => ({ pupilId: l.pupil_id, cluster: l.cluster }))),
    requirementProblems: overviewRequirements(school.settings.requiredFields, lines),
    plan: plan[0] ?? null,
    school,
  };
}

/** The groepsplan format for this group: the school's format, or the thema-planning for kleutergroepen. */
export function planFormatOf(school: CycleSchool, group: GroupInfo): PlanFormat {
  return planFormatFor(school.settings, school.sector, group.grades);
}

// ---- Plans ----

export interface PlanRowDb {
  id: number; school_id: number; group_id: number; period_id: number; overview_id: number; format: PlanFormat; status: PlanStatus;
  version: number; revision: number; doc: PlanDocument; reflection: PlanReflection; evaluated_on: string | null; updated_at: string;
}

export async function planRow(db: DbOrTx, id: number): Promise<PlanRowDb> {
  const [p] = await rows<PlanRowDb>(db, sql`select id, school_id, group_id, period_id, overview_id, format, status, version, revision, doc, reflection,
    evaluated_on::text, updated_at from group_plans where id = ${id}`);
  if (!p) throw notFound('Dit groepsplan');
  return p;
}

export type Member = { pupilId: number; firstName: string; lastName: string };

/** Names for the messages of the plan checks ("Intensief: …", "Leerling Sanne de Vries: …"). */
export function planLabels(clusters: ClusterDef[], pupils: readonly Member[]) {
  return { clusters, pupils: Object.fromEntries(pupils.map((p) => [p.pupilId, `${p.firstName} ${p.lastName}`])) };
}

/** Who a row is about: a cluster's pupils, one pupil, or (base row) the whole group. */
export function rowMembers(row: PlanDocument['rows'][number], pupils: readonly Member[], clusterOf: Map<number, string | null>): Member[] {
  if (row.kind === 'pupil') return pupils.filter((p) => p.pupilId === row.pupilId);
  if (row.kind === 'cluster') return pupils.filter((p) => clusterOf.get(p.pupilId) === row.clusterKey);
  return [...pupils];
}

/** The hints and checks of a plan document: SMART per goal and per row, and the school's required fields. */
export function planChecks(doc: PlanDocument, format: PlanFormat, period: Period, school: CycleSchool, pupils: readonly Member[]) {
  const ctx = { periodStartsOn: period.startsOn, periodEndsOn: period.endsOn };
  const smart: Record<string, SmartFinding[]> = {};
  const rowSmart: Record<string, SmartFinding[]> = {};
  for (const row of doc.rows) {
    rowSmart[row.key] = checkRowSmart(row);
    for (const g of row.goals) smart[g.key] = checkSmart(g, ctx);
  }
  return { smart, rowSmart, requirementProblems: checkPlanRequirements(school.settings.requiredFields, doc, format, planLabels(school.settings.clusters, pupils)) };
}

export async function planView(db: DbOrTx, p: PlanRowDb, group: GroupInfo, today: string) {
  const school = await cycleSchool(db, p.school_id);
  const periods = await periodsOfYear(db, group.schoolYearId, today);
  const period = periods.find((x) => x.id === p.period_id)!;
  const [lines, staff, revisions, notes, instruments] = await Promise.all([
    overviewLines(db, p.overview_id),
    staffOf(db, group.id),
    rows<{ revision: number; reason: string; createdAt: string; createdBy: string | null }>(db, sql`
      select r.revision, r.reason, r.created_at as "createdAt", u.name as "createdBy" from group_plan_revisions r
      left join users u on u.id = r.created_by where r.plan_id = ${p.id} order by r.revision desc`),
    rows<{ id: number; notedOn: string; text: string; rowKey: string | null; pupilId: number | null; authorName: string | null; createdAt: string }>(db, sql`
      select n.id, n.noted_on::text as "notedOn", n.text, n.row_key as "rowKey", n.pupil_id as "pupilId", u.name as "authorName", n.created_at as "createdAt"
      from group_plan_notes n left join users u on u.id = n.author_id where n.plan_id = ${p.id} order by n.noted_on desc, n.id desc`),
    rows<{ id: number; name: string; domain: string; levelScale: LevelScale | null }>(db, sql`
      select id, name, domain, level_scale as "levelScale" from instruments where school_id = ${p.school_id} and active order by domain, name`),
  ]);
  const pupils = membersOf(lines);
  const clusterOf = new Map(lines.map((l) => [l.pupil_id, l.cluster]));
  const clusters = school.settings.clusters;
  const members: Record<string, Member[]> = {};
  for (const c of clusters) members[c.key] = pupils.filter((x) => clusterOf.get(x.pupilId) === c.key);
  const evidence = await planEvidence(db, p.doc, pupils, clusterOf, instruments, period);
  const nextPeriod = periods.find((x) => x.startsOn > period.endsOn) ?? null;
  let next: { periodId: number; periodName: string; overviewId: number | null } | null = null;
  if (nextPeriod) {
    const o = await overviewRow(db, p.overview_id);
    const [found] = await rows<{ id: number }>(db, sql`select id from group_overviews where group_id = ${group.id} and period_id = ${nextPeriod.id} and form = ${o.form} and subject = ${o.subject}`);
    next = { periodId: nextPeriod.id, periodName: nextPeriod.name, overviewId: found?.id ?? null };
  }
  return {
    id: p.id, version: p.version, status: p.status, format: p.format, revision: p.revision, doc: p.doc, reflection: p.reflection,
    evaluatedOn: p.evaluated_on, updatedAt: p.updated_at, overviewId: p.overview_id,
    group: { id: group.id, name: group.name, sector: group.sector, grades: group.grades }, period, schoolName: school.name,
    clusters, members, pupils, staff: staff.map((s) => ({ userId: s.userId, name: s.name })), instruments,
    ...planChecks(p.doc, p.format, period, school, pupils),
    evidence, revisions, notes, next, school,
  };
}

/** Evidence per goal: the results of its instrument for the row's pupils, taken within the period (or up to 8 weeks after). */
async function planEvidence(db: DbOrTx, doc: PlanDocument, pupils: Member[], clusterOf: Map<number, string | null>,
  instruments: { id: number; levelScale: LevelScale | null }[], period: Period) {
  const out: Record<string, { pupilId: number; firstName: string; lastName: string; moment: string; takenOn: string; level: string | null; abilityScore: number | null; met: boolean | null }[]> = {};
  const instrumentIds = [...new Set(doc.rows.flatMap((r) => r.goals.map((g) => g.instrumentId)).filter((x): x is number => x != null))];
  if (instrumentIds.length === 0 || pupils.length === 0) return out;
  const list = await rows<{ pupil_id: number; instrument_id: number; moment: string; taken_on: string; level: string | null; ability_score: string | null }>(db, sql`
    select pupil_id, instrument_id, moment, taken_on::text, level, ability_score from results
    where instrument_id = any(${intArray(instrumentIds)}) and pupil_id = any(${intArray(pupils.map((x) => x.pupilId))})
      and taken_on between ${period.startsOn}::date and (${period.endsOn}::date + 56)
    order by taken_on desc`);
  const scale = new Map(instruments.map((i) => [i.id, i.levelScale]));
  for (const row of doc.rows) {
    const who = new Map(rowMembers(row, pupils, clusterOf).map((m) => [m.pupilId, m]));
    for (const goal of row.goals) {
      if (goal.instrumentId == null) continue;
      out[goal.key] = list.filter((r) => r.instrument_id === goal.instrumentId && who.has(r.pupil_id)).map((r) => {
        const m = who.get(r.pupil_id)!;
        const abilityScore = r.ability_score == null ? null : Number(r.ability_score);
        return { ...m, moment: r.moment, takenOn: r.taken_on, level: r.level, abilityScore, met: goalMet(goal, { level: r.level, abilityScore }, scale.get(goal.instrumentId!) ?? null) };
      });
    }
  }
  return out;
}

