import { toIsoDate } from '../domain/school/periods';

/** The server's idea of "today" — fixed by KOERS_TODAY in demos and tests, the real date otherwise. */
export interface Clock {
  today(): string;
  now(): Date;
}

export function systemClock(fixedToday?: string): Clock {
  return {
    today: () => fixedToday ?? toIsoDate(new Date()),
    now: () => new Date(),
  };
}
