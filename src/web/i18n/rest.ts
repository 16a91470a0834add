// The texts of the pages behind the login, one chunk loaded once a logged-in page is shown (see index.ts
// loadCatalogues), so the login page's JavaScript does not carry them.
import type { Messages } from './types';
import * as account from './account';
import * as students from './students';
import * as groups from './groups';
import * as audit from './audit';
import * as school from './school';
import * as assessments from './assessments';
import * as groupCycle from './groupCycle';
import * as groupPlan from './groupPlan';
import * as support from './support';
import * as supportPortal from './supportPortal';
import * as meetings from './meetings';
import * as notifications from './notifications';
import * as calendar from './calendar';

export const restNl = {
  account: account.nl,
  students: students.nl,
  groups: groups.nl,
  audit: audit.nl,
  school: school.nl,
  assessments: assessments.nl,
  groupCycle: groupCycle.nl,
  groupPlan: groupPlan.nl,
  support: support.nl,
  supportPortal: supportPortal.nl,
  notifications: notifications.nl,
  meetings: meetings.nl,
  calendar: calendar.nl,
};

export const restEn: Messages<typeof restNl> = {
  account: account.en,
  students: students.en,
  groups: groups.en,
  audit: audit.en,
  school: school.en,
  assessments: assessments.en,
  groupCycle: groupCycle.en,
  groupPlan: groupPlan.en,
  support: support.en,
  supportPortal: supportPortal.en,
  notifications: notifications.en,
  meetings: meetings.en,
  calendar: calendar.en,
};
