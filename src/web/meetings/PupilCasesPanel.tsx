// "Besprekingen" on a pupil's page for staff with pupil.viewCare (GET /api/pupils/:id/meeting-cases): every meeting in
// which the pupil was (or will be) discussed, newest first, with the question, consent, follow-up and a link to the
// meeting. The lead places it on the pupil's support page (SupportPage) — it renders nothing while loading fails with 403.
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { PupilCasesView } from '../../domain/meetings/views';
import { useApi } from '../shared/hooks';
import { Empty, Section, TableWrap } from '../shared/components';
import { formatDate } from '../shared/format';
import { meetingKindText, StatusBadge } from './common';

export function PupilCasesPanel({ pupilId, pupilName }: { pupilId: number; pupilName: string }) {
  const { t } = useTranslation();
  const res = useApi<PupilCasesView>(`/api/pupils/${pupilId}/meeting-cases`);
  if (res.error?.status === 403 || res.error?.status === 404) return null;
  const cases = [...(res.data?.cases ?? [])].sort((a, b) => b.meeting.heldOn.localeCompare(a.meeting.heldOn));
  return (
    <Section title={t('meetings.pupilCases.title')}>
      {!res.data ? (
        <p className="muted" role="status">{res.error ? t('errors.generic') : t('common.loading')}</p>
      ) : cases.length === 0 ? (
        <Empty>{t('meetings.pupilCases.none', { name: pupilName })}</Empty>
      ) : (
        <TableWrap>
          <table className="mt-table">
            <caption className="visually-hidden">{t('meetings.pupilCases.caption', { name: pupilName })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('meetings.list.meeting')}</th>
                <th scope="col">{t('meetings.pupilCases.date')}</th>
                <th scope="col">{t('meetings.cases.question')}</th>
                <th scope="col">{t('meetings.pupilCases.consent')}</th>
                <th scope="col">{t('meetings.cases.followUp')}</th>
              </tr>
            </thead>
            <tbody>
              {cases.map((c) => (
                <tr key={c.id}>
                  <th scope="row">
                    <Link to={`/overleg/${c.meeting.id}`}>{c.meeting.title}</Link>
                    <span className="small-line muted">
                      {meetingKindText(t, { kind: c.meeting.kind, kindLabel: '' })} <StatusBadge status={c.meeting.status} />
                    </span>
                  </th>
                  <td className="nowrap">{formatDate(c.meeting.heldOn)}</td>
                  <td>{c.question || <span className="muted">{t('meetings.notFilled')}</span>}</td>
                  <td>{t(`meetings.consent.states.${c.consent}`)}</td>
                  <td>{c.followUp.length ? c.followUp.map((f) => t(`meetings.followUps.${f}`)).join(', ') : <span className="muted">{t('common.none')}</span>}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      )}
    </Section>
  );
}
