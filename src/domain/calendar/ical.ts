// The iCalendar (RFC 5545) text of a user's calendar feed, built with ical.js. The feed leaves Koers for outside
// calendar apps: its items carry titles of school events and meetings only — never pupil names or care content
// (derived plan deadlines arrive here with a neutral title, see the server's feed route).
import ICAL from 'ical.js';
import { addDays } from '../school/periods';

export interface FeedItem {
  /** Stable per item (the same event keeps its UID when its date changes). */
  uid: string;
  title: string;
  startsOn: string;
  endsOn: string;
  /** Local time 'HH:MM' of a meeting; null = an all-day item. */
  startsAt: string | null;
  durationMinutes: number | null;
  location: string;
  /** Absolute URL of the item's page in Koers. */
  url: string;
  category: string;
}

export const FEED_TZID = 'Europe/Amsterdam';

const VTIMEZONE = `BEGIN:VCALENDAR
BEGIN:VTIMEZONE
TZID:Europe/Amsterdam
BEGIN:DAYLIGHT
TZOFFSETFROM:+0100
TZOFFSETTO:+0200
TZNAME:CEST
DTSTART:19700329T020000
RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU
END:DAYLIGHT
BEGIN:STANDARD
TZOFFSETFROM:+0200
TZOFFSETTO:+0100
TZNAME:CET
DTSTART:19701025T030000
RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU
END:STANDARD
END:VTIMEZONE
END:VCALENDAR`;

const dateValue = (iso: string) => ICAL.Time.fromDateString(iso);

function localTime(iso: string, hhmm: string, plusMinutes = 0): InstanceType<typeof ICAL.Time> {
  const [h, m] = hhmm.split(':').map(Number);
  const [y, mo, d] = iso.split('-').map(Number);
  const t = ICAL.Time.fromData({ year: y, month: mo, day: d, hour: h, minute: m, second: 0, isDate: false });
  if (plusMinutes) t.addDuration(ICAL.Duration.fromData({ minutes: plusMinutes }));
  return t;
}

/** The feed as text/calendar. `now` is the DTSTAMP (the time the feed was produced, UTC). */
export function buildFeed(opts: { name: string; items: readonly FeedItem[]; now: Date }): string {
  const cal = new ICAL.Component(['vcalendar', [], []]);
  cal.updatePropertyWithValue('prodid', '-//Koers//Zorgkalender//NL');
  cal.updatePropertyWithValue('version', '2.0');
  cal.updatePropertyWithValue('calscale', 'GREGORIAN');
  cal.updatePropertyWithValue('method', 'PUBLISH');
  cal.updatePropertyWithValue('x-wr-calname', opts.name);
  cal.updatePropertyWithValue('x-wr-timezone', FEED_TZID);
  const timed = opts.items.some((i) => i.startsAt !== null);
  if (timed) cal.addSubcomponent(new ICAL.Component(ICAL.parse(VTIMEZONE)).getFirstSubcomponent('vtimezone')!);
  const stamp = ICAL.Time.fromJSDate(opts.now, true);
  for (const item of opts.items) {
    const ev = new ICAL.Component('vevent');
    ev.updatePropertyWithValue('uid', item.uid);
    ev.updatePropertyWithValue('dtstamp', stamp);
    ev.updatePropertyWithValue('summary', item.title);
    if (item.startsAt !== null) {
      const start = new ICAL.Property('dtstart', ev);
      start.setParameter('tzid', FEED_TZID);
      start.setValue(localTime(item.startsOn, item.startsAt));
      ev.addProperty(start);
      const end = new ICAL.Property('dtend', ev);
      end.setParameter('tzid', FEED_TZID);
      end.setValue(localTime(item.startsOn, item.startsAt, item.durationMinutes ?? 60));
      ev.addProperty(end);
    } else {
      ev.updatePropertyWithValue('dtstart', dateValue(item.startsOn));
      // DTEND of an all-day item is the day after its last day (exclusive).
      ev.updatePropertyWithValue('dtend', dateValue(addDays(item.endsOn, 1)));
      ev.updatePropertyWithValue('transp', 'TRANSPARENT');
    }
    if (item.location) ev.updatePropertyWithValue('location', item.location);
    ev.updatePropertyWithValue('url', item.url);
    ev.updatePropertyWithValue('categories', item.category);
    cal.addSubcomponent(ev);
  }
  return cal.toString().replace(/\r?\n/g, '\r\n') + '\r\n';
}
