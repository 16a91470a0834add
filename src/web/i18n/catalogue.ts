// All UI texts, Dutch (default) and English, as plain objects with the same keys: one file per capability in this
// folder. At run time they arrive in two parts (core.ts with the entry script, rest.ts after login; see index.ts);
// this module puts them together for the types (i18next.d.ts) and the catalogue tests.
import type { Messages } from './types';
import { coreEn, coreNl } from './core';
import { restEn, restNl } from './rest';

export const nl = { ...coreNl, ...restNl };

export const en: Messages<typeof nl> = { ...coreEn, ...restEn };
