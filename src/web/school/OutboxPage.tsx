// The outbox: e-mails Koers has queued or sent (invitations, password-reset links).
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { query } from '../shared/api';
import { useApi } from '../shared/hooks';
import { Empty, LoadError, Loading, TableWrap } from '../shared/components';
import { formatDateTime } from '../shared/format';
import type { Items, MeSchool, OutboxMessage } from '../shared/types';
import { AdminPage, Linkified } from './common';

function Outbox({ school }: { school: MeSchool }) {
  const { t } = useTranslation();
  const outbox = useApi<Items<OutboxMessage>>(`/api/outbox${query({ schoolId: school.id })}`);
  const items = useMemo(() => [...(outbox.data?.items ?? [])].sort((a, b) => b.createdAt.localeCompare(a.createdAt)), [outbox.data]);
  if (outbox.error) return <LoadError error={outbox.error} onRetry={outbox.reload} />;
  if (!outbox.data) return <Loading />;
  return (
    <>
      <p>
        <button type="button" className="button secondary small" onClick={outbox.reload}>
          {t('school.outboxRefresh')}
        </button>
      </p>
      {items.length === 0 ? (
        <Empty>{t('school.outboxEmpty')}</Empty>
      ) : (
        <TableWrap>
          <table className="outbox">
            <caption className="visually-hidden">{t('school.outboxCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('school.outboxCreated')}</th>
                <th scope="col">{t('school.outboxTo')}</th>
                <th scope="col">{t('school.outboxSubject')}</th>
                <th scope="col">{t('school.outboxSent')}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((m) => (
                <tr key={m.id}>
                  <td className="nowrap">{formatDateTime(m.createdAt)}</td>
                  <td>{m.to}</td>
                  <th scope="row">
                    <details>
                      <summary>{m.subject}</summary>
                      <div className="mail-body">
                        <Linkified text={m.body} />
                      </div>
                    </details>
                  </th>
                  <td className="nowrap">{m.sentAt ? formatDateTime(m.sentAt) : <span className="muted">{t('school.outboxNotSent')}</span>}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      )}
    </>
  );
}

export function OutboxPage() {
  const { t } = useTranslation();
  return (
    <AdminPage title={t('school.outboxPageTitle')} intro={<p className="muted">{t('school.outboxIntro')}</p>}>
      {(school) => <Outbox key={school.id} school={school} />}
    </AdminPage>
  );
}
