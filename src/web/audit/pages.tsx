// The audit log of one pupil: who looked at or changed what, and when.
import { useMemo, useState } from 'react';
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import i18n from 'i18next';
import { useApi, useSubmit } from '../shared/hooks';
import { api, query } from '../shared/api';
import { Empty, FormError, LoadError, Loading, Page, SelectField, TableWrap } from '../shared/components';
import { formatDateTime, fullName } from '../shared/format';
import type { AuditEntry, Items, PupilDetail } from '../shared/types';
import { roleLabel } from '../shared/labels';
import { useMe } from '../shared/session';

/** The translation of `key` when the catalogue has it, otherwise `fallback` (codes from the log may be new). */
function maybe(key: string, fallback: string): string {
  return i18n.exists(key) ? String(i18n.t(key as never)) : fallback;
}

/** A translated label for a code from the log, or the code itself when there is none. */
function codeLabel(group: 'actions' | 'entities', code: string): string {
  return maybe(`audit.${group}.${code.replace(/[.:]/g, '_')}`, code);
}

/** Entries per request (the server allows up to 500). */
const PAGE = 200;

const ROUTE_KEYS: Record<string, string> = { '/api/pupils': 'pupils', '/api/groups/:id': 'group', '/api/pupils/:id': 'pupil', '/api/pupils/:id/audit': 'audit' };

function detailValue(key: string, value: unknown, careName: string): string {
  const t = i18n.t.bind(i18n);
  if (key === 'basis' && typeof value === 'string') {
    return value === 'care_coordinator' ? careName : maybe(`audit.basis.${value}`, value);
  }
  if (key === 'route' && typeof value === 'string') {
    return ROUTE_KEYS[value] ? maybe(`audit.routes.${ROUTE_KEYS[value]}`, value) : value;
  }
  if (key === 'reason' && typeof value === 'string') return maybe(`audit.reasons.${value}`, value);
  if (key === 'wanted' && typeof value === 'string') return maybe(`audit.wanted.${value.replace(/[.:]/g, '_')}`, value);
  if (key === 'changed' && Array.isArray(value)) {
    return value
      .filter((f) => f !== 'version')
      .map((f) => maybe(`audit.fields.${String(f)}`, String(f)))
      .join(', ');
  }
  if (typeof value === 'boolean') return value ? t('common.yes') : t('common.no');
  if (Array.isArray(value) && value.every((v) => typeof v !== 'object' || v === null)) return value.map(String).join(', ');
  if (typeof value === 'object' && value !== null) return JSON.stringify(value);
  return String(value);
}

function Detail({ value, careName }: { value: unknown; careName: string }) {
  if (value === null || value === undefined || value === '') return <span className="muted">—</span>;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return <>{String(value)}</>;
  if (typeof value === 'object' && !Array.isArray(value)) {
    const entries = Object.entries(value as Record<string, unknown>);
    if (entries.length === 0) return <span className="muted">—</span>;
    return (
      <ul className="plain-list detail-list">
        {entries.map(([k, v]) => (
          <li key={k}>
            <span className="muted">{maybe(`audit.detailKeys.${k}`, k)}:</span> {detailValue(k, v, careName)}
          </li>
        ))}
      </ul>
    );
  }
  return <span className="detail-list">{detailValue('', value, careName)}</span>;
}

export function AuditPage() {
  const { t } = useTranslation();
  const me = useMe();
  const { id } = useParams();
  const pupilId = encodeURIComponent(id ?? '');
  const pupil = useApi<PupilDetail>(`/api/pupils/${pupilId}`);
  const log = useApi<Items<AuditEntry>>(`/api/pupils/${pupilId}/audit${query({ limit: PAGE })}`);
  const [action, setAction] = useState('');

  const [older, setOlder] = useState<AuditEntry[]>([]);
  const [done, setDone] = useState(false);
  const more = useSubmit();
  const items = useMemo(() => [...(log.data?.items ?? []), ...older].sort((a, b) => b.id - a.id), [log.data, older]);

  // The server sends the newest PAGE entries; older ones come page by page with ?before=<id>.
  async function loadOlder() {
    const last = items[items.length - 1];
    if (!last) return;
    const page = await more.run(() => api.get<Items<AuditEntry>>(`/api/pupils/${pupilId}/audit${query({ before: last.id, limit: PAGE })}`));
    if (page) {
      setOlder((o) => [...o, ...page.items]);
      if (page.items.length < PAGE) setDone(true);
    }
  }
  const mayHaveMore = !done && (log.data?.items.length ?? 0) >= PAGE;
  const actions = useMemo(() => [...new Set(items.map((i) => i.action))].sort(), [items]);
  const shown = action ? items.filter((i) => i.action === action) : items;

  const careName = roleLabel(t, 'care_coordinator', me, pupil.data?.school.id).toLowerCase();
  const error = pupil.error ?? log.error;
  if (error) return <LoadError error={error} onRetry={() => (pupil.error ? pupil.reload() : log.reload())} />;
  if (!pupil.data || !log.data) return <Loading />;

  return (
    <Page
      title={t('audit.title', { name: fullName(pupil.data) })}
      intro={
        <>
          <p>
            <Link to={`/leerlingen/${pupil.data.id}`}>{t('audit.back', { name: fullName(pupil.data) })}</Link>
          </p>
          <p className="muted">{t('audit.intro')}</p>
        </>
      }
    >
      {actions.length > 1 ? (
        <form className="filters" aria-label={t('audit.filters')} onSubmit={(e) => e.preventDefault()}>
          <SelectField label={t('audit.action')} value={action} onChange={setAction}>
            <option value="">{t('audit.allActions')}</option>
            {actions.map((a) => (
              <option key={a} value={a}>
                {codeLabel('actions', a)}
              </option>
            ))}
          </SelectField>
        </form>
      ) : null}
      {shown.length === 0 ? (
        <Empty>{t('audit.empty')}</Empty>
      ) : (
        <TableWrap>
          <table>
            <caption className="visually-hidden">{t('audit.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('audit.at')}</th>
                <th scope="col">{t('audit.actor')}</th>
                <th scope="col">{t('audit.action')}</th>
                <th scope="col">{t('audit.entity')}</th>
                <th scope="col">{t('audit.detail')}</th>
                <th scope="col">{t('audit.ip')}</th>
              </tr>
            </thead>
            <tbody>
              {shown.map((e) => (
                <tr key={e.id}>
                  <th scope="row" className="nowrap">
                    {formatDateTime(e.at)}
                  </th>
                  <td>{e.actor ? e.actor.name : <span className="muted">{t('audit.system')}</span>}</td>
                  <td>{codeLabel('actions', e.action)}</td>
                  <td>{codeLabel('entities', e.entity)}</td>
                  <td>
                    <Detail value={e.detail} careName={careName} />
                  </td>
                  <td className="nowrap">{e.ip ?? '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      )}
      <FormError error={more.error} />
      {mayHaveMore ? (
        <p>
          <button type="button" className="button secondary" onClick={() => void loadOlder()} disabled={more.busy}>
            {more.busy ? t('common.loading') : t('audit.loadOlder')}
          </button>
        </p>
      ) : null}
    </Page>
  );
}
