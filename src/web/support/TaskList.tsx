// "Mijn taken": one task as a line with what to do, for whom, by when, and a link to the plan or the pupil. Used by
// the tasks page and the home page panel. The text comes from the task's kind and params through i18n; the server's
// Dutch message is the fallback.
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import i18n, { type TFunction } from 'i18next';
import type { Task } from '../../domain/support/model';
import { addDays } from '../../domain/support/terms';
import { formatDate } from '../shared/format';
import './portal.css';

/** Tasks due within this many days count as "binnenkort". */
export const SOON_DAYS = 7;

export type TaskGroup = 'overdue' | 'soon' | 'later' | 'undated';
export const TASK_GROUPS: TaskGroup[] = ['overdue', 'soon', 'undated', 'later'];

export function taskGroup(task: Task, today: string): TaskGroup {
  if (task.overdue) return 'overdue';
  if (!task.dueOn) return 'undated';
  return task.dueOn <= addDays(today, SOON_DAYS) ? 'soon' : 'later';
}

/** Where the task is done: a meeting, a parent's plan or discussions page, the staff plan page, or the pupil's support page. */
export function taskHref(task: Task): string | null {
  // Meeting tasks: a parent's input goes to the child's discussions page, everything else to the meeting.
  if (task.kind === 'parentPartRequested') return task.pupilId !== null ? `/leerlingen/${task.pupilId}/besprekingen` : null;
  if (task.meetingId) return `/overleg/${task.meetingId}`;
  if (task.pupilId === null) return null;
  if (task.kind === 'signatureRequested') {
    return task.planId !== null ? `/leerlingen/${task.pupilId}/gedeelde-plannen/${task.planId}` : `/leerlingen/${task.pupilId}/gedeelde-plannen`;
  }
  if (task.planId !== null) return `/leerlingen/${task.pupilId}/plannen/${task.planId}`;
  return `/leerlingen/${task.pupilId}/ondersteuning`;
}

/** The catalogue entry for a task: its kind, with the variant its params and state call for. */
function textKey(task: Task): string {
  const late = task.overdue ? 'Overdue' : '';
  switch (task.kind) {
    case 'oppDeadline':
      return 'title' in task.params ? `oppDeadline${late}` : `oppDeadlineLevel${late}`;
    case 'levelCap':
      return task.params.rule === 'maxPeriodsPerQuestion' ? 'levelCapQuestion' : 'levelCap';
    case 'signatureRequested':
      return task.params.planKind === 'developmentPerspective' ? 'signatureRequestedOpp' : 'signatureRequested';
    case 'evaluationDue':
    case 'planExpiring':
    case 'oppYearlyEvaluation':
    case 'meetingAction':
    case 'minutesDue':
      return `${task.kind}${late}`;
    case 'parentsToInform':
      return task.params.moment === 'after' ? 'parentsToInformAfter' : 'parentsToInformBefore';
    case 'parentPartRequested':
      return task.params.part && task.params.consent ? 'parentPartRequestedBoth' : task.params.part ? 'parentPartRequestedPart' : 'parentPartRequestedConsent';
    default:
      return task.kind;
  }
}

/** The task's sentence in the user's language (dates in the params formatted); the server's Dutch message otherwise. */
export function taskText(t: TFunction, task: Task): string {
  const key = `supportPortal.tasks.text.${textKey(task)}`;
  const params: Record<string, string | number> = { pupil: task.pupilName };
  for (const [k, v] of Object.entries(task.params)) params[k] = typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v) ? formatDate(v) : v;
  // The reasons are whole sentences joined with '; ' ("… DL 20.; …"): drop their own full stops, the text ends in one.
  if (typeof params.reasons === 'string') params.reasons = params.reasons.replace(/\.(?=;|$)/g, '');
  if (!i18n.exists(key, params)) return task.message;
  return (t as unknown as (k: string, o: Record<string, unknown>) => string)(key, { ...params, defaultValue: task.message });
}

export function TaskItem({ task }: { task: Task }) {
  const { t } = useTranslation();
  const href = taskHref(task);
  const title = t(`supportPortal.tasks.kinds.${task.kind}`);
  return (
    <li className={`spp-task${task.overdue ? ' spp-task-overdue' : ''}`}>
      <p className="spp-task-head">
        {href ? (
          <Link to={href}>
            {title}
            {task.pupilName ? <span className="visually-hidden"> ({task.pupilName})</span> : null}
          </Link>
        ) : (
          <strong>{title}</strong>
        )}
        {task.pupilName ? <span className="spp-task-pupil">{task.pupilName}</span> : null}
      </p>
      <p className="spp-task-text">{taskText(t, task)}</p>
      {task.dueOn ? (
        <p className={`spp-task-due${task.overdue ? ' spp-task-due-overdue' : ''}`}>
          {task.overdue ? t('supportPortal.tasks.overdueSince', { date: formatDate(task.dueOn) }) : t('supportPortal.tasks.dueOn', { date: formatDate(task.dueOn) })}
        </p>
      ) : null}
    </li>
  );
}

export function TaskList({ tasks, label }: { tasks: Task[]; label: string }) {
  return (
    <ul className="spp-task-list" aria-label={label}>
      {tasks.map((task, i) => (
        <TaskItem key={`${task.kind}-${task.pupilId ?? ''}-${task.planId ?? ''}-${task.meetingId ?? ''}-${task.actionId ?? ''}-${i}`} task={task} />
      ))}
    </ul>
  );
}
