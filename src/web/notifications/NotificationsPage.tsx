// Meldingen (/meldingen): what waits for the user — actions given to them, meetings they are invited to, minutes made
// final, and for parents a part to fill in or agreements shared. A notification names no pupil; it links to the page.
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { NotificationView, NotificationsView } from '../../domain/notifications/model';
import { api } from '../shared/api';
import { useApi, useSubmit } from '../shared/hooks';
import { Empty, FormError, LoadError, Loading, Page, Section } from '../shared/components';
import { formatDate, formatDateTime } from '../shared/format';
import { NOTIFICATIONS_CHANGED } from './events';

function Message({ n }: { n: NotificationView }) {
  const { t } = useTranslation();
  const meeting = n.params.meetingTitle ?? t('notifications.aMeeting');
  const date = n.params.heldOn ? t('notifications.dateSuffix', { date: formatDate(n.params.heldOn) }) : '';
  const due = n.params.dueOn ? t('notifications.dueSuffix', { date: formatDate(n.params.dueOn) }) : '';
  return <>{t(`notifications.kinds.${n.kind}`, { meeting, date, due })}</>;
}

export function NotificationsPage() {
  const { t } = useTranslation();
  const list = useApi<NotificationsView>('/api/notifications');
  const { busy, error, run } = useSubmit();

  async function markRead(body: { all: true } | { ids: number[] }) {
    const done = await run(() => api.post<{ unread: number }>('/api/notifications/read', body));
    if (done) {
      window.dispatchEvent(new Event(NOTIFICATIONS_CHANGED));
      list.reload();
    }
  }

  const title = t('notifications.title');
  if (list.error) return <LoadError error={list.error} onRetry={list.reload} />;
  if (!list.data) {
    return (
      <Page title={title}>
        <Loading />
      </Page>
    );
  }
  const { notifications, unread } = list.data;
  return (
    <Page
      title={title}
      intro={<p className="muted">{t('notifications.intro')}</p>}
      actions={unread > 0 ? (
        <button type="button" className="button secondary" disabled={busy} onClick={() => void markRead({ all: true })}>
          {t('notifications.markAllRead')}
        </button>
      ) : undefined}
    >
      <FormError error={error} />
      {notifications.length === 0 ? (
        <Empty>{t('notifications.none')}</Empty>
      ) : (
        <Section title={`${t('notifications.title')} (${unread} ${t('notifications.unread').toLowerCase()})`}>
          <ul className="notification-list" aria-label={t('notifications.listLabel')}>
            {notifications.map((n) => (
              <li key={n.id} className={n.read ? 'notification read' : 'notification unread'}>
                <p>
                  {n.read ? null : <strong className="badge">{t('notifications.unread')}</strong>} <Message n={n} />
                </p>
                <p className="hint">{t('notifications.received', { date: formatDateTime(n.createdAt) })}</p>
                <p className="notification-actions">
                  <Link to={n.link} onClick={() => { if (!n.read) void markRead({ ids: [n.id] }); }}>
                    {t('notifications.open')}
                  </Link>
                  {n.read ? null : (
                    <button type="button" className="button ghost" disabled={busy} onClick={() => void markRead({ ids: [n.id] })}>
                      {t('notifications.markRead')}
                    </button>
                  )}
                </p>
              </li>
            ))}
          </ul>
        </Section>
      )}
    </Page>
  );
}
