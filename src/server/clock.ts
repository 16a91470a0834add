/**
 * The server's idea of "today" — fixed by KOERS_TODAY in demos and tests, otherwise the date in the Netherlands
 * (Europe/Amsterdam), not UTC: between midnight and 01:00/02:00 Dutch time UTC still says yesterday. The web takes
 * this date from /api/me, so browser and server never disagree about what "today" or "in the future" means.
 */
export interface Clock {
  today(): string;
  now(): Date;
}

export function systemClock(fixedToday?: string): Clock {
  return {
    today: () => fixedToday ?? dutchDateOf(new Date()),
    now: () => new Date(),
  };
}

const AMSTERDAM = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam', year: 'numeric', month: '2-digit', day: '2-digit' });

/** The calendar date (YYYY-MM-DD) in the Netherlands at an instant. */
export function dutchDateOf(instant: Date): string {
  return AMSTERDAM.format(instant);
}
