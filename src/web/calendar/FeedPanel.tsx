// "Agenda abonneren": every user's private iCal link for their own part of the calendar. The link is shown once, when
// it is made (only a hash is stored); a new link revokes the old one, and the user can revoke it altogether.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../shared/api';
import { useApi, useSubmit } from '../shared/hooks';
import { Alert, FormError, Loading, Section } from '../shared/components';
import { formatDateTime } from '../shared/format';
import { calendarPaths, type CalendarFeedCreated, type CalendarFeedView } from './api';

export function FeedPanel() {
  const { t } = useTranslation();
  const feed = useApi<CalendarFeedView>(calendarPaths.feed());
  const [url, setUrl] = useState<string | null>(null);
  const [copied, setCopied] = useState(false);
  const act = useSubmit();

  async function create() {
    if (feed.data?.active && !window.confirm(t('calendar.feed.confirmNew'))) return;
    const created = await act.run(() => api.post<CalendarFeedCreated>(calendarPaths.feed(), {}));
    if (created) {
      setUrl(created.url);
      setCopied(false);
      feed.setData(created);
    }
  }

  async function revoke() {
    if (!window.confirm(t('calendar.feed.confirmRevoke'))) return;
    const ok = await act.run(async () => {
      await api.delete(calendarPaths.feed());
      return true;
    });
    if (ok) {
      setUrl(null);
      feed.setData({ active: false, createdAt: null, lastUsedAt: null });
    }
  }

  async function copy() {
    if (!url) return;
    try {
      await navigator.clipboard.writeText(url);
      setCopied(true);
    } catch {
      setCopied(false);
    }
  }

  return (
    <Section title={t('calendar.feed.title')}>
      <p>{t('calendar.feed.intro')}</p>
      <p className="hint">{t('calendar.feed.privacy')}</p>
      <FormError error={act.error ?? feed.error} />
      {!feed.data ? (
        <Loading />
      ) : (
        <>
          {url ? (
            <div className="calendar-feed-url">
              <label htmlFor="calendar-feed-url">{t('calendar.feed.urlLabel')}</label>
              <div className="form-row">
                <input id="calendar-feed-url" readOnly value={url} onFocus={(e) => e.currentTarget.select()} aria-describedby="calendar-feed-url-hint" />
                <button type="button" className="button secondary" onClick={() => void copy()}>
                  {t('calendar.feed.copy')}
                </button>
              </div>
              <p className="hint" id="calendar-feed-url-hint">
                {t('calendar.feed.urlHint')}
              </p>
              {copied ? (
                <Alert kind="success">
                  <p>{t('calendar.feed.copied')}</p>
                </Alert>
              ) : null}
            </div>
          ) : feed.data.active ? (
            <p>
              {t('calendar.feed.active', { created: formatDateTime(feed.data.createdAt) })}{' '}
              {feed.data.lastUsedAt ? t('calendar.feed.lastUsed', { used: formatDateTime(feed.data.lastUsedAt) }) : t('calendar.feed.neverUsed')}
            </p>
          ) : (
            <p className="muted">{t('calendar.feed.none')}</p>
          )}
          <div className="form-actions">
            <button type="button" className="button" onClick={() => void create()} disabled={act.busy}>
              {feed.data.active ? t('calendar.feed.renew') : t('calendar.feed.create')}
            </button>
            {feed.data.active ? (
              <button type="button" className="button secondary" onClick={() => void revoke()} disabled={act.busy}>
                {t('calendar.feed.revoke')}
              </button>
            ) : null}
          </div>
        </>
      )}
    </Section>
  );
}
