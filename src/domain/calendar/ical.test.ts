import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { buildFeed, type FeedItem } from './ical';

const items: FeedItem[] = [
  { uid: 'event-1@koers', title: 'M-toetsen (Cito LOVS)', startsOn: '2027-01-12', endsOn: '2027-01-15', startsAt: null, durationMinutes: null, location: '', url: 'https://koers.example/jaarplanning', category: 'Toetsweek' },
  { uid: 'meeting-7@koers', title: 'Groepsbespreking 2 groep 5', startsOn: '2027-02-24', endsOn: '2027-02-24', startsAt: '15:15', durationMinutes: 60, location: 'Lokaal 3', url: 'https://koers.example/overleg/7', category: 'Groepsbespreking' },
];

describe('the iCalendar feed', () => {
  const text = buildFeed({ name: 'Koers – De Meerpaal', items, now: new Date('2026-11-24T08:00:00Z') });
  const cal = new ICAL.Component(ICAL.parse(text));
  const events = cal.getAllSubcomponents('vevent');

  it('is a VCALENDAR with CRLF line ends that ical.js parses', () => {
    expect(text.startsWith('BEGIN:VCALENDAR\r\n')).toBe(true);
    expect(text.endsWith('END:VCALENDAR\r\n')).toBe(true);
    expect(cal.getFirstPropertyValue('version')).toBe('2.0');
    expect(cal.getFirstPropertyValue('x-wr-calname')).toBe('Koers – De Meerpaal');
    expect(events).toHaveLength(2);
  });

  it('gives multi-day items all-day DATE values with an exclusive end', () => {
    const ev = events[0];
    expect(ev.getFirstPropertyValue('uid')).toBe('event-1@koers');
    expect(text).toContain('DTSTART;VALUE=DATE:20270112');
    expect(text).toContain('DTEND;VALUE=DATE:20270116');
    expect(String(ev.getFirstPropertyValue('dtstamp'))).toBe('2026-11-24T08:00:00Z');
    expect(ev.getFirstPropertyValue('url')).toBe('https://koers.example/jaarplanning');
  });

  it('gives timed meetings a start and end in Europe/Amsterdam, with the zone defined', () => {
    expect(text).toContain('DTSTART;TZID=Europe/Amsterdam:20270224T151500');
    expect(text).toContain('DTEND;TZID=Europe/Amsterdam:20270224T161500');
    expect(cal.getFirstSubcomponent('vtimezone')?.getFirstPropertyValue('tzid')).toBe('Europe/Amsterdam');
    const event = new ICAL.Event(events[1]);
    expect(event.summary).toBe('Groepsbespreking 2 groep 5');
    expect(event.location).toBe('Lokaal 3');
    expect(event.duration.toSeconds()).toBe(3600);
  });
});
