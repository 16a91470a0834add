// The texts the first page needs (frame, errors, login, password reset): loaded with the entry script.
import type { Messages } from './types';
import * as common from './common';
import * as auth from './auth';

export const coreNl = {
  ...common.nl,
  auth: auth.nl,
};

export const coreEn: Messages<typeof coreNl> = {
  ...common.en,
  auth: auth.en,
};
