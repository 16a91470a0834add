// The students capability: pupil list and pupil page (one lazily loaded chunk).
export { PupilListPage } from './PupilListPage';
export { PupilPage } from './PupilPage';
