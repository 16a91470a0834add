// Shared, accessible building blocks: page frame, messages, form fields.
import { useId, useLayoutEffect, useRef, useState, type ReactNode, type InputHTMLAttributes, type SelectHTMLAttributes, type TextareaHTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { ApiError } from './api';
import { useDocumentTitle } from './hooks';

// ---------- page ----------

export function Page({ title, children, actions, intro }: { title: string; children?: ReactNode; actions?: ReactNode; intro?: ReactNode }) {
  useDocumentTitle(title);
  return (
    <div className="page">
      <div className="page-head">
        <h1>{title}</h1>
        {actions ? <div className="page-actions">{actions}</div> : null}
      </div>
      {intro ? <div className="page-intro">{intro}</div> : null}
      {children}
    </div>
  );
}

export function Section({ title, children, actions, id }: { title: string; children: ReactNode; actions?: ReactNode; id?: string }) {
  const generated = useId();
  const headingId = id ?? `s${generated}`;
  return (
    <section className="card" aria-labelledby={headingId}>
      <div className="card-head">
        <h2 id={headingId}>{title}</h2>
        {actions ? <div className="card-actions">{actions}</div> : null}
      </div>
      {children}
    </section>
  );
}

export function Loading() {
  const { t } = useTranslation();
  return (
    <p className="loading" role="status">
      {t('common.loading')}
    </p>
  );
}

// ---------- messages ----------

/** The text to show for a failed request: the server's (Dutch) message, or our own for known cases. */
export function errorText(err: ApiError, t: TFunction): string {
  if (err.code === 'conflict') return t('errors.conflict');
  if (err.status === 0) return t('errors.network');
  if (err.fromServer && err.message) return err.message;
  if (err.status === 401) return t('errors.unauthorized');
  if (err.status === 403) return t('errors.forbidden');
  if (err.status === 404) return t('errors.notFound');
  if (err.status === 429) return t('errors.rateLimited');
  if (err.status === 400 || err.status === 422) return t('errors.validation');
  return t('errors.generic');
}

export function Alert({ kind = 'error', children, title }: { kind?: 'error' | 'success' | 'info' | 'warning'; children: ReactNode; title?: string }) {
  const role = kind === 'error' ? 'alert' : 'status';
  return (
    <div className={`alert alert-${kind}`} role={role}>
      {title ? <p className="alert-title">{title}</p> : null}
      <div>{children}</div>
    </div>
  );
}

/** Error message of a form submission; the 409 case offers to reload the page. */
export function FormError({ error }: { error: ApiError | null }) {
  const { t } = useTranslation();
  if (!error) return null;
  const conflict = error.code === 'conflict';
  const hasFields = Object.keys(error.fields).length > 0;
  return (
    <Alert kind="error">
      <p>{errorText(error, t)}</p>
      {hasFields && !error.message ? <p>{t('errors.checkFields')}</p> : null}
      {conflict ? (
        <button type="button" className="button secondary" onClick={() => window.location.reload()}>
          {t('common.reloadPage')}
        </button>
      ) : null}
    </Alert>
  );
}

/** A page address whose id is not a positive whole number: the same "Niet gevonden" page as a 404. */
export function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <Page title={t('errors.notFoundTitle')}>
      <Alert kind="warning">
        <p>{t('errors.notFoundText')}</p>
      </Alert>
    </Page>
  );
}

/** An id from the page address (`/overleg/12`), or null when it is not a positive whole number. */
export function idParam(raw: string | undefined): number | null {
  const n = Number(raw);
  return Number.isInteger(n) && n > 0 ? n : null;
}

/** Replaces a whole page when its main data could not be loaded: "Geen toegang", "Niet gevonden", ... */
export function LoadError({ error, onRetry }: { error: ApiError; onRetry?: () => void }) {
  const { t } = useTranslation();
  let title = t('errors.genericTitle');
  let text = errorText(error, t);
  if (error.status === 403) {
    title = t('errors.forbiddenTitle');
    text = t('errors.forbiddenText');
  } else if (error.status === 404) {
    title = t('errors.notFoundTitle');
    text = t('errors.notFoundText');
  }
  return (
    <Page title={title}>
      <Alert kind={error.status === 403 || error.status === 404 ? 'warning' : 'error'}>
        <p>{text}</p>
        {error.status === 403 && error.code !== 'forbidden' && error.fromServer && error.message ? <p>{error.message}</p> : null}
      </Alert>
      {onRetry && error.status !== 403 && error.status !== 404 ? (
        <p>
          <button type="button" className="button secondary" onClick={onRetry}>
            {t('common.retry')}
          </button>
        </p>
      ) : null}
    </Page>
  );
}

// ---------- form fields ----------

/** The server's message for a field; the key may be "firstName" or a path such as "body.firstName". */
export function fieldError(error: ApiError | null | undefined, name: string): string | undefined {
  if (!error) return undefined;
  const f = error.fields;
  if (f[name]) return f[name];
  const key = Object.keys(f).find((k) => k.endsWith(`.${name}`) || k.startsWith(`${name}.`));
  return key ? f[key] : undefined;
}

type FieldFrameProps = {
  id: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: string;
  required?: boolean;
  children: ReactNode;
  className?: string;
};

// Required fields carry no mark (most fields are required); optional ones say so in their label, e.g. "(optioneel)".
function FieldFrame({ id, label, hint, error, children, className }: FieldFrameProps) {
  return (
    <div className={`field${error ? ' field-invalid' : ''}${className ? ` ${className}` : ''}`}>
      <label htmlFor={id}>
        {label}
      </label>
      {children}
      {hint ? (
        <p className="hint" id={`${id}-hint`}>
          {hint}
        </p>
      ) : null}
      {error ? (
        <p className="field-error" id={`${id}-error`}>
          {error}
        </p>
      ) : null}
    </div>
  );
}

function describedBy(id: string, hint: unknown, error: unknown): string | undefined {
  const ids = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean);
  return ids.length ? ids.join(' ') : undefined;
}

type TextAreaFieldProps = Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'onChange' | 'value'> & {
  label: ReactNode;
  value: string;
  onChange: (value: string) => void;
  hint?: ReactNode;
  error?: string;
  fieldClassName?: string;
};

/** A labelled text area with optional hint and error, like TextField. */
export function TextAreaField({ label, value, onChange, hint, error, id, rows = 3, fieldClassName, ...rest }: TextAreaFieldProps) {
  const generated = useId();
  const areaId = id ?? generated;
  return (
    <FieldFrame id={areaId} label={label} hint={hint} error={error} className={`field-textarea${fieldClassName ? ` ${fieldClassName}` : ''}`}>
      <textarea id={areaId} value={value} rows={rows} onChange={(e) => onChange(e.target.value)} aria-invalid={error ? true : undefined} aria-describedby={describedBy(areaId, hint, error)} {...rest} />
    </FieldFrame>
  );
}

type TextFieldProps = Omit<InputHTMLAttributes<HTMLInputElement>, 'onChange' | 'value'> & {
  label: ReactNode;
  value: string;
  onChange: (value: string) => void;
  hint?: ReactNode;
  error?: string;
  fieldClassName?: string;
};

export function TextField({ label, value, onChange, hint, error, required, id, fieldClassName, ...rest }: TextFieldProps) {
  const generated = useId();
  const inputId = id ?? generated;
  return (
    <FieldFrame id={inputId} label={label} hint={hint} error={error} required={required} className={fieldClassName}>
      <input
        id={inputId}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        required={required}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(inputId, hint, error)}
        {...rest}
      />
    </FieldFrame>
  );
}

type SelectFieldProps = Omit<SelectHTMLAttributes<HTMLSelectElement>, 'onChange' | 'value'> & {
  label: ReactNode;
  value: string;
  onChange: (value: string) => void;
  hint?: ReactNode;
  error?: string;
  children: ReactNode;
  fieldClassName?: string;
};

export function SelectField({ label, value, onChange, hint, error, required, id, children, fieldClassName, ...rest }: SelectFieldProps) {
  const generated = useId();
  const selectId = id ?? generated;
  return (
    <FieldFrame id={selectId} label={label} hint={hint} error={error} required={required} className={fieldClassName}>
      <select
        id={selectId}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        required={required}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(selectId, hint, error)}
        {...rest}
      >
        {children}
      </select>
    </FieldFrame>
  );
}

export function CheckboxField({
  label,
  checked,
  onChange,
  hint,
  error,
  disabled,
}: {
  label: ReactNode;
  checked: boolean;
  onChange: (checked: boolean) => void;
  hint?: ReactNode;
  error?: string;
  disabled?: boolean;
}) {
  const id = useId();
  return (
    <div className={`field field-check${error ? ' field-invalid' : ''}`}>
      <input
        type="checkbox"
        id={id}
        checked={checked}
        disabled={disabled}
        onChange={(e) => onChange(e.target.checked)}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, hint, error)}
      />
      <label htmlFor={id}>{label}</label>
      {hint ? (
        <p className="hint" id={`${id}-hint`}>
          {hint}
        </p>
      ) : null}
      {error ? (
        <p className="field-error" id={`${id}-error`}>
          {error}
        </p>
      ) : null}
    </div>
  );
}

export function SubmitButton({ busy, children, className }: { busy: boolean; children: ReactNode; className?: string }) {
  const { t } = useTranslation();
  return (
    <button type="submit" className={`button${className ? ` ${className}` : ''}`} disabled={busy} aria-busy={busy || undefined}>
      {busy ? t('common.busy') : children}
    </button>
  );
}

export function Yes({ value }: { value: boolean }) {
  const { t } = useTranslation();
  return <>{value ? t('common.yes') : t('common.no')}</>;
}

/** Description list of label/value pairs. */
export function Facts({ items, stacked }: { items: { label: string; value: ReactNode }[]; stacked?: boolean }) {
  return (
    <dl className={stacked ? 'facts stacked' : 'facts'}>
      {items.map((item) => (
        <div key={item.label} className="fact">
          <dt>{item.label}</dt>
          <dd>{item.value}</dd>
        </div>
      ))}
    </dl>
  );
}

export function Empty({ children }: { children: ReactNode }) {
  return <p className="empty">{children}</p>;
}

/**
 * Wrapper that lets a wide table scroll sideways. When it does scroll, it becomes a focusable, named
 * region so keyboard users can scroll it too (WCAG 2.1.1; axe "scrollable-region-focusable").
 */
export function TableWrap({ children }: { children: ReactNode }) {
  const ref = useRef<HTMLDivElement>(null);
  const [scroll, setScroll] = useState<{ label: string } | null>(null);
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    const check = () => {
      const scrolls = el.scrollWidth > el.clientWidth + 1;
      const label = el.querySelector('caption')?.textContent ?? '';
      setScroll((cur) => (scrolls ? (cur?.label === label ? cur : { label }) : null));
    };
    check();
    const observer = new ResizeObserver(check);
    observer.observe(el);
    if (el.firstElementChild) observer.observe(el.firstElementChild);
    return () => observer.disconnect();
  }, []);
  return (
    <div ref={ref} className="table-wrap" {...(scroll ? { tabIndex: 0, role: 'region', 'aria-label': scroll.label || undefined } : {})}>
      {children}
    </div>
  );
}
