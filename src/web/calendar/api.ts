// Paths and shapes of the care-calendar API (domain/calendar/views.ts).
import { query } from '../shared/api';

export type {
  CalendarFeedCreated, CalendarFeedView, CalendarGenerateResult, CalendarItem, CalendarPreviewItem, CalendarPreviewView, CalendarSettingsView,
  CalendarView, CalendarWarning,
} from '../../domain/calendar/views';
export type { CalendarSettings, Holiday, TemplateItem } from '../../domain/calendar/model';

export const calendarPaths = {
  calendar: (schoolId: number, schoolYearId?: number | null) => `/api/calendar${query({ schoolId, schoolYearId })}`,
  preview: (schoolId: number, schoolYearId: number) => `/api/calendar/preview${query({ schoolId, schoolYearId })}`,
  generate: () => '/api/calendar/generate',
  events: () => '/api/calendar/events',
  event: (id: number) => `/api/calendar/events/${id}`,
  deleteEvent: (id: number, version: number) => `/api/calendar/events/${id}${query({ version })}`,
  settings: (schoolId: number) => `/api/calendar/settings${query({ schoolId })}`,
  feed: () => '/api/calendar/feed',
};
