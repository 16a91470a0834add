// Actiepunten (/overleg/acties): the care coordinator's and director's board of every meeting's actions — open,
// overdue and done with their counts, filtered by state and owner; an action is marked done here too.
import { useMemo, useState } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useApi } from '../shared/hooks';
import { Empty, FormError, Loading, Section, SelectField } from '../shared/components';
import { SchoolScopedPage } from '../shared/SchoolScope';
import { formatDate } from '../shared/format';
import { hasRole, useMe } from '../shared/session';
import type { MeSchool } from '../shared/types';
import { meetingPaths, type ActionBoardView, type ActionState } from './api';
import { ActionsTable } from './MinutesSection';

const STATES: ActionState[] = ['overdue', 'open', 'done'];

function Board({ school }: { school: MeSchool }) {
  const { t } = useTranslation();
  const [state, setState] = useState<ActionState | ''>('');
  const [owner, setOwner] = useState('');
  const res = useApi<ActionBoardView>(meetingPaths.board(school.id, state));
  const owners = useMemo(() => {
    const m = new Map<number, string>();
    for (const a of res.data?.actions ?? []) m.set(a.owner.id, a.owner.name);
    return [...m].sort((a, b) => a[1].localeCompare(b[1], 'nl'));
  }, [res.data]);

  if (res.error) return <FormError error={res.error} />;
  if (!res.data) return <Loading />;
  const { counts, today } = res.data;
  const actions = res.data.actions.filter((a) => (owner ? String(a.owner.id) === owner : true));
  const groups = STATES.map((s) => ({
    state: s,
    items: actions.filter((a) => (s === 'done' ? a.done !== null : s === 'overdue' ? !a.done && a.overdue : !a.done && !a.overdue)),
  })).filter((g) => g.items.length > 0);

  return (
    <>
      <p className="muted">{t('meetings.board.asOf', { date: formatDate(today) })}</p>
      <ul className="mt-counts" aria-label={t('meetings.board.countsLabel')}>
        {STATES.map((s) => (
          <li key={s} className={`mt-count mt-count-${s}`}>
            <span className="mt-count-n">{counts[s]}</span> {t(`meetings.board.states.${s}`)}
          </li>
        ))}
      </ul>
      <form className="filters" aria-label={t('meetings.board.filters')} onSubmit={(e) => e.preventDefault()}>
        <SelectField label={t('meetings.board.state')} value={state} onChange={(v) => setState(STATES.find((s) => s === v) ?? '')}>
          <option value="">{t('meetings.board.allStates')}</option>
          {STATES.map((s) => (
            <option key={s} value={s}>
              {t(`meetings.board.states.${s}`)}
            </option>
          ))}
        </SelectField>
        <SelectField label={t('meetings.board.owner')} value={owner} onChange={setOwner}>
          <option value="">{t('meetings.board.allOwners')}</option>
          {owners.map(([id, name]) => (
            <option key={id} value={id}>
              {name}
            </option>
          ))}
        </SelectField>
      </form>
      {groups.length === 0 ? (
        <Section title={t('meetings.board.noneTitle')}>
          <Empty>{t('meetings.board.none')}</Empty>
        </Section>
      ) : (
        groups.map((g) => (
          <Section key={g.state} title={`${t(`meetings.board.states.${g.state}`)} (${g.items.length})`}>
            <ActionsTable actions={g.items} caption={t(`meetings.board.states.${g.state}`)} onChanged={res.reload} showMeeting />
          </Section>
        ))
      )}
    </>
  );
}

export function ActionBoardPage() {
  const { t } = useTranslation();
  const me = useMe();
  const schools = hasRole(me, 'care_coordinator', 'director', 'board') ? me.schools : [];
  return (
    <SchoolScopedPage
      title={t('meetings.board.title')}
      intro={
        <p className="muted">
          {t('meetings.board.intro')} <Link to="/overleg">{t('meetings.board.toMeetings')}</Link>
        </p>
      }
      schools={schools}
      noSchool={t('meetings.board.noSchool')}
    >
      {(school) => <Board key={school.id} school={school} />}
    </SchoolScopedPage>
  );
}
