// Shared parts of the assessments screens: which schools a user works with here, instrument lists, signals.
import type { ReactNode } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { Empty, SelectField, TableWrap } from '../shared/components';
import { useApi } from '../shared/hooks';
import { SchoolScopedPage } from '../shared/SchoolScope';
import { hasRole } from '../shared/session';
import { compareText, comparePupils, fullName } from '../shared/format';
import type { GroupDetail, Items, Me, MeSchool } from '../shared/types';
import { DOMAINS, type Instrument, type Signal } from './types';
import { codeText, domainLabel, momentLabel, suggestedMoment } from './util';
import './assessments.css';

/** Schools where the user is care coordinator (instruments, norms, signal rules, imports). */
export function careSchools(me: Me): MeSchool[] {
  const ids = new Set(me.roles.filter((r) => r.role === 'care_coordinator' && r.schoolId !== null).map((r) => r.schoolId));
  return me.schools.filter((s) => ids.has(s.id));
}

/** Schools whose overview (four-year trend) the user may see: care coordinator, director, board. */
export function overviewSchools(me: Me): MeSchool[] {
  if (hasRole(me, 'board')) return me.schools;
  const ids = new Set(me.roles.filter((r) => (r.role === 'care_coordinator' || r.role === 'director') && r.schoolId !== null).map((r) => r.schoolId));
  return me.schools.filter((s) => ids.has(s.id));
}

/** Frame of a school-level page of pupil monitoring (see SchoolScopedPage). */
export function SchoolPage({ title, schools, intro, children }: { title: string; schools: MeSchool[]; intro?: ReactNode; children: (school: MeSchool) => ReactNode }) {
  const { t } = useTranslation();
  return <SchoolScopedPage title={title} intro={intro} schools={schools} noSchool={t('assessments.noSchool')}>{children}</SchoolScopedPage>;
}

/** The school's instruments, sorted by domain and name. */
export function useInstruments(schoolId: number | null | undefined) {
  const res = useApi<Items<Instrument>>(schoolId ? `/api/schools/${schoolId}/instruments` : null);
  // Per domain; Cito first (the instruments most schools use, so the most likely default), then by name.
  const items = [...(res.data?.items ?? [])].sort(
    (a, b) => DOMAINS.indexOf(a.domain) - DOMAINS.indexOf(b.domain) || Number(b.code.startsWith('cito-')) - Number(a.code.startsWith('cito-')) || compareText(a.name, b.name),
  );
  return { ...res, items };
}

/**
 * The instrument and moment a group page (grid, dwarsdoorsnede) shows, kept in the URL (?instrument=&moment=) so the
 * other page and a reload open the same choice. Without a choice: the first instrument and the moment that fits the
 * group's grade and today's date.
 */
export function useInstrumentChoice(group: GroupDetail | undefined, instruments: Instrument[]) {
  const [params, setParams] = useSearchParams();
  const instrument = instruments.find((i) => String(i.id) === params.get('instrument')) ?? instruments[0];
  const momentParam = params.get('moment');
  const moment = instrument && group ? (momentParam && instrument.moments.includes(momentParam) ? momentParam : suggestedMoment(instrument, group.grades)) : '';
  function choose(key: 'instrument' | 'moment', value: string) {
    const next = new URLSearchParams(params);
    next.set(key, value);
    if (key === 'instrument') next.delete('moment');
    setParams(next, { replace: true });
  }
  return { instrument, moment, choose };
}

/** The page actions of a group's result pages: the sibling page (same instrument and moment) and back to the group. */
export function GroupResultActions({ groupId, to, instrument, moment }: { groupId: number; to: 'resultaten' | 'dwarsdoorsnede'; instrument: Instrument | undefined; moment: string }) {
  const { t } = useTranslation();
  return (
    <>
      <Link className="button secondary" to={`/groepen/${groupId}/${to}${instrument ? `?instrument=${instrument.id}&moment=${encodeURIComponent(moment)}` : ''}`}>
        {t(to === 'resultaten' ? 'assessments.links.enterResults' : 'assessments.links.crossSection')}
      </Link>
      <Link className="button secondary" to={`/groepen/${groupId}`}>
        {t('assessments.links.backToGroup')}
      </Link>
    </>
  );
}

/** The instrument select of a group's result pages. */
export function InstrumentSelect({ instruments, chosen, loading, onChange }: { instruments: Instrument[]; chosen: Instrument | undefined; loading: boolean; onChange: (id: string) => void }) {
  const { t } = useTranslation();
  return (
    <SelectField label={t('assessments.instrument')} value={chosen ? String(chosen.id) : ''} onChange={onChange}>
      {!chosen ? <option value="">{loading ? t('common.loading') : t('common.choose')}</option> : null}
      <InstrumentOptions instruments={instruments} />
    </SelectField>
  );
}

/** Instruments grouped by domain in one select. */
export function InstrumentOptions({ instruments }: { instruments: Instrument[] }) {
  const { t } = useTranslation();
  const byDomain = new Map<string, Instrument[]>();
  for (const i of instruments) byDomain.set(i.domain, [...(byDomain.get(i.domain) ?? []), i]);
  return (
    <>
      {[...byDomain.entries()].map(([domain, list]) => (
        <optgroup key={domain} label={domainLabel(t, domain)}>
          {list.map((i) => (
            <option key={i.id} value={i.id}>
              {i.name}
            </option>
          ))}
        </optgroup>
      ))}
    </>
  );
}

export function signalText(t: TFunction, s: Signal): string {
  return codeText(t, 'signalReasons', s.reason.code, s.reason.params, s.message);
}

/** One pupil's signals: tone, domain, moment and the reason. */
export function SignalItems({ signals, instruments, sector }: { signals: Signal[]; instruments?: Map<number, string>; sector?: 'po' | 'vo' }) {
  const { t } = useTranslation();
  return (
    <ul className="signal-list">
      {signals.map((s, i) => (
        <li key={`${s.kind}-${s.instrumentId}-${s.moment}-${i}`} className={`signal signal-${s.tone}`}>
          <span className={`badge ${s.tone === 'concern' ? 'badge-concern' : 'badge-enrichment'}`}>{t(`assessments.tone.${s.tone}`)}</span>{' '}
          <strong>{domainLabel(t, s.domain)}</strong>
          {instruments?.get(s.instrumentId) ? <span className="muted"> · {instruments.get(s.instrumentId)}</span> : null}
          <span className="muted"> · {momentLabel(t, s.moment, sector)}</span>
          <span className="signal-reason">{signalText(t, s)}</span>
        </li>
      ))}
    </ul>
  );
}

/** "Rekenen-wiskunde, Spelling" — the domains of some signals, each once. */
function domainsOf(t: TFunction, signals: Signal[]): string {
  return [...new Set(signals.map((s) => s.domain))].map((d) => domainLabel(t, d)).join(', ');
}

/** The group's signals as a table: per pupil the number of signals and their domains; the reasons fold open. */
export function GroupSignalsTable({ items, caption }: { items: { pupilId: number; firstName: string; lastName: string; signals: Signal[] }[]; caption: string }) {
  const { t } = useTranslation();
  const rows = items.filter((i) => i.signals.length > 0).sort(comparePupils);
  if (rows.length === 0) return <Empty>{t('assessments.signals.none')}</Empty>;
  return (
    <TableWrap>
      <table className="signals-table">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('assessments.pupilName')}</th>
            <th scope="col">{t('assessments.tone.concern')}</th>
            <th scope="col">{t('assessments.tone.enrichment')}</th>
            <th scope="col">{t('assessments.signals.reasons')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => {
            const concern = r.signals.filter((s) => s.tone === 'concern');
            const enrichment = r.signals.filter((s) => s.tone === 'enrichment');
            return (
              <tr key={r.pupilId}>
                <th scope="row">
                  <Link to={`/leerlingen/${r.pupilId}/resultaten`}>{fullName(r)}</Link>
                </th>
                <td>{concern.length > 0 ? <span className="signal-count concern">{concern.length}</span> : null} {domainsOf(t, concern)}</td>
                <td>{enrichment.length > 0 ? <span className="signal-count enrichment">{enrichment.length}</span> : null} {domainsOf(t, enrichment)}</td>
                <td>
                  <details>
                    <summary>
                      {t('assessments.signals.showReasons', { count: r.signals.length })}
                      <span className="visually-hidden"> {fullName(r)}</span>
                    </summary>
                    <SignalItems signals={r.signals} />
                  </details>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </TableWrap>
  );
}
