// All UI texts, Dutch (default) and English, as plain objects with the same keys.
// One file per capability in this folder; this module puts them together under a key per capability.
import type { Messages } from './types';
import * as common from './common';
import * as auth from './auth';
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

export const nl = {
  ...common.nl,
  auth: auth.nl,
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
};

export const en: Messages<typeof nl> = {
  ...common.en,
  auth: auth.en,
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
};
