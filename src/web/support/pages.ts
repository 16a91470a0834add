// Individual support pages (handelingsplan, OPP, levels, parent portal, tasks), loaded as one chunk (see app/router.tsx).
export { SupportPage } from './SupportPage';
export { SupportPlanPage } from './SupportPlanPage';
export { ParentPlansPage } from './ParentPlansPage';
export { ParentPlanPage } from './ParentPlanPage';
export { SupportOverviewPage } from './SupportOverviewPage';
export { TasksPage } from './TasksPage';
