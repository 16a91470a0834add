// "Jaarplanning genereren" for the care coordinator: first a preview of what the template gives for the year (with the
// rule warnings, nothing stored), then the confirmation that stores it. Generating again replaces the generated items
// nobody changed and keeps the edited ones.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../shared/api';
import { useSubmit } from '../shared/hooks';
import { Alert, FormError, Section } from '../shared/components';
import { formatDate } from '../shared/format';
import { calendarPaths, type CalendarGenerateResult, type CalendarPreviewView, type CalendarView } from './api';

export function GeneratePanel({ view, onDone }: { view: CalendarView; onDone: () => void }) {
  const { t } = useTranslation();
  const [preview, setPreview] = useState<CalendarPreviewView | null>(null);
  const [done, setDone] = useState<CalendarGenerateResult | null>(null);
  const load = useSubmit();
  const gen = useSubmit();

  async function showPreview() {
    setDone(null);
    const p = await load.run(() => api.get<CalendarPreviewView>(calendarPaths.preview(view.schoolId, view.schoolYear.id)));
    if (p) setPreview(p);
  }

  async function confirm() {
    const result = await gen.run(() => api.post<CalendarGenerateResult>(calendarPaths.generate(), { schoolId: view.schoolId, schoolYearId: view.schoolYear.id }));
    if (result) {
      setDone(result);
      setPreview(null);
      onDone();
    }
  }

  const warned = preview?.drafts.filter((d) => d.warnings.length > 0) ?? [];
  const meetings = preview?.drafts.filter((d) => d.meeting).length ?? 0;
  return (
    <Section title={t('calendar.generate.title')}>
      <p className="hint">{t('calendar.generate.intro')}</p>
      {done ? (
        <Alert kind="success">
          <p>{t('calendar.generate.done', { events: done.events, meetings: done.meetings, kept: done.keptEdited })}</p>
        </Alert>
      ) : null}
      <FormError error={load.error ?? gen.error} />
      {!preview ? (
        <p>
          <button type="button" className="button" onClick={() => void showPreview()} disabled={load.busy}>
            {load.busy ? t('common.busy') : t('calendar.generate.preview')}
          </button>
        </p>
      ) : (
        <div className="calendar-preview">
          <h3>{t('calendar.generate.previewTitle', { year: preview.schoolYear.name })}</h3>
          <p>{t('calendar.generate.summary', { count: preview.drafts.length, meetings, warned: warned.length })}</p>
          {preview.replaced + preview.keptEdited > 0 ? <p>{t('calendar.generate.replaces', { replaced: preview.replaced, kept: preview.keptEdited })}</p> : null}
          {warned.length > 0 ? (
            <ul className="calendar-warnings">
              {warned.map((d) => (
                <li key={`${d.templateKey}-${d.groupId ?? ''}-${d.startsOn}`}>
                  <strong>{formatDate(d.startsOn)} {d.title}:</strong> {d.warnings.map((w) => w.message).join(' ')}
                </li>
              ))}
            </ul>
          ) : null}
          <details>
            <summary>{t('calendar.generate.all', { count: preview.drafts.length })}</summary>
            <ul className="calendar-preview-list">
              {preview.drafts.map((d) => (
                <li key={`${d.templateKey}-${d.groupId ?? ''}-${d.startsOn}`}>
                  {formatDate(d.startsOn)}
                  {d.endsOn !== d.startsOn ? ` – ${formatDate(d.endsOn)}` : ''}: {d.title} ({t(`calendar.kinds.${d.kind}`)})
                  {d.moved ? <span className="muted"> {t('calendar.generate.moved')}</span> : null}
                </li>
              ))}
            </ul>
          </details>
          <div className="form-actions">
            <button type="button" className="button" onClick={() => void confirm()} disabled={gen.busy}>
              {gen.busy ? t('common.busy') : t('calendar.generate.confirm')}
            </button>
            <button type="button" className="button secondary" onClick={() => setPreview(null)}>
              {t('common.cancel')}
            </button>
          </div>
        </div>
      )}
    </Section>
  );
}
