import { describe, expect, it } from 'vitest';
import { defaultMeetingSettings, meetingSettingsSchema, readMeetingSettings } from './settings';

describe('meeting settings', () => {
  it('defaults per sector: a zorgteam and 60-minute groepsbespreking in PO, the IZO and 45 minutes in VO (seed 003)', () => {
    expect(defaultMeetingSettings('po')).toMatchObject({ careTeamName: 'zorgteam', durations: { groupDiscussion: 60 }, pupilDiscussionRota: true });
    expect(defaultMeetingSettings('vo')).toMatchObject({ careTeamName: 'IZO', durations: { groupDiscussion: 45 }, pupilDiscussionRota: false });
    for (const sector of ['po', 'vo'] as const) expect(meetingSettingsSchema.safeParse(defaultMeetingSettings(sector)).success).toBe(true);
  });

  it('explains a bad value in Dutch on the field', () => {
    const bad = meetingSettingsSchema.safeParse({ ...defaultMeetingSettings('po'), careTeamName: 'Z', durations: { ...defaultMeetingSettings('po').durations, careTeam: 2.5 } });
    expect(bad.success).toBe(false);
    const issues = bad.error!.issues.map((i) => [i.path.join('.'), i.message]);
    expect(issues).toContainEqual(['careTeamName', 'Geef het zorgoverleg een naam van minstens 2 tekens.']);
    expect(issues).toContainEqual(['durations.careTeam', 'Vul hele minuten in (10 tot 240).']);
  });

  it('reads stored settings field by field: a bad or missing field falls back to its default only', () => {
    const read = readMeetingSettings('po', { careTeamName: 'SOT', caseFormDaysBefore: -3, retired: true });
    expect(read).toEqual({ ...defaultMeetingSettings('po'), careTeamName: 'SOT' });
    expect(readMeetingSettings('vo', null)).toEqual(defaultMeetingSettings('vo'));
  });
});
