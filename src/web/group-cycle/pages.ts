// The HGW group cycle pages, loaded as one chunk (see app/router.tsx).
export { CyclePage } from './CyclePage';
export { OverviewPage } from './OverviewPage';
export { ClusterPage } from './ClusterPage';
export { PlanPage } from './PlanPage';
