// "Mijn taken" (/taken): what waits for the user around individual support — for staff evaluations, OPP deadlines,
// missing signatures and level rules of the pupils they may edit; for parents the plans that wait for their response.
// Grouped: te laat, binnenkort, zonder vaste datum, later; each task links to the plan or the pupil.
import { useTranslation } from 'react-i18next';
import { useApi } from '../shared/hooks';
import { Empty, LoadError, Loading, Page, Section } from '../shared/components';
import { formatDate } from '../shared/format';
import { supportPaths, type TasksView } from './api';
import { SOON_DAYS, TASK_GROUPS, TaskList, taskGroup } from './TaskList';

export function TasksPage() {
  const { t } = useTranslation();
  const tasks = useApi<TasksView>(supportPaths.tasks());
  const title = t('supportPortal.tasks.title');

  if (tasks.error) return <LoadError error={tasks.error} onRetry={tasks.reload} />;
  if (!tasks.data) {
    return (
      <Page title={title}>
        <Loading />
      </Page>
    );
  }
  const { today } = tasks.data;
  const groups = TASK_GROUPS.map((g) => ({ group: g, items: tasks.data!.tasks.filter((task) => taskGroup(task, today) === g) })).filter((g) => g.items.length > 0);

  return (
    <Page
      title={title}
      intro={
        <p className="muted">
          {t('supportPortal.tasks.intro', { date: formatDate(today) })}
        </p>
      }
    >
      {groups.length === 0 ? (
        <Section title={t('supportPortal.tasks.noneTitle')}>
          <Empty>{t('supportPortal.tasks.none')}</Empty>
        </Section>
      ) : (
        <>
          <p className="result-count" role="status">
            {t('supportPortal.tasks.count', { count: tasks.data.tasks.length })}
          </p>
          {groups.map(({ group, items }) => {
            const heading = t(`supportPortal.tasks.groups.${group}`, { days: SOON_DAYS });
            return (
              <Section key={group} title={`${heading} (${items.length})`}>
                <p className="hint">{t(`supportPortal.tasks.groupHints.${group}`, { days: SOON_DAYS })}</p>
                <TaskList tasks={items} label={heading} />
              </Section>
            );
          })}
        </>
      )}
    </Page>
  );
}
