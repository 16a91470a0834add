// The school set-up capability (admin): one lazily loaded chunk.
export { SchoolSettingsPage } from './SchoolSettingsPage';
export { YearsPage } from './YearsPage';
export { AdminGroupsPage } from './AdminGroupsPage';
export { AdminPupilsPage } from './AdminPupilsPage';
export { AccountsPage } from './AccountsPage';
export { OutboxPage } from './OutboxPage';
