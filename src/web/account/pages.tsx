// The user's own account: details, password change, two-factor authentication (TOTP).
import { useEffect, useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import QRCode from 'qrcode';
import { api } from '../shared/api';
import { useSubmit } from '../shared/hooks';
import { Alert, Facts, fieldError, FormError, Page, Section, SubmitButton, TextField } from '../shared/components';
import { useMe, useSession } from '../shared/session';
import { roleLabel } from '../shared/labels';

function Details() {
  const { t } = useTranslation();
  const me = useMe();
  return (
    <Section title={t('account.detailsTitle')}>
      <Facts
        items={[
          { label: t('account.name'), value: me.name },
          { label: t('account.login'), value: me.login },
          { label: t('account.email'), value: me.email ?? t('common.none') },
          {
            label: t('account.roles'),
            value: me.roles.length ? (
              <ul className="plain-list">
                {me.roles.map((r, i) => (
                  <li key={`${r.role}-${r.schoolId ?? ''}-${r.boardId ?? ''}-${i}`}>
                    {roleLabel(t, r.role, me, r.schoolId)}
                    {r.schoolName ? <span className="muted"> — {r.schoolName}</span> : null}
                  </li>
                ))}
              </ul>
            ) : (
              t('common.none')
            ),
          },
        ]}
      />
    </Section>
  );
}

function ChangePassword() {
  const { t } = useTranslation();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [repeat, setRepeat] = useState('');
  const [mismatch, setMismatch] = useState(false);
  const [done, setDone] = useState(false);
  const { busy, error, run } = useSubmit();

  async function submit(e: FormEvent) {
    e.preventDefault();
    setDone(false);
    if (next !== repeat) {
      setMismatch(true);
      return;
    }
    setMismatch(false);
    const ok = await run(async () => {
      await api.post('/api/me/password', { currentPassword: current, newPassword: next });
      return true;
    });
    if (ok) {
      setDone(true);
      setCurrent('');
      setNext('');
      setRepeat('');
    }
  }

  return (
    <Section title={t('account.passwordTitle')}>
      <form onSubmit={submit} noValidate className="form-narrow">
        {done ? (
          <Alert kind="success">
            <p>{t('account.passwordChanged')}</p>
          </Alert>
        ) : null}
        <FormError error={error} />
        <TextField
          label={t('account.currentPassword')}
          type="password"
          autoComplete="current-password"
          value={current}
          onChange={setCurrent}
          required
          error={fieldError(error, 'currentPassword')}
        />
        <TextField
          label={t('account.newPassword')}
          type="password"
          autoComplete="new-password"
          value={next}
          onChange={setNext}
          required
          error={fieldError(error, 'newPassword')}
        />
        <TextField
          label={t('account.repeatPassword')}
          type="password"
          autoComplete="new-password"
          value={repeat}
          onChange={setRepeat}
          required
          error={mismatch ? t('account.mismatch') : undefined}
        />
        <div className="form-actions">
          <SubmitButton busy={busy}>{t('account.passwordSubmit')}</SubmitButton>
        </div>
      </form>
    </Section>
  );
}

function QrImage({ url }: { url: string }) {
  const { t } = useTranslation();
  const [src, setSrc] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    QRCode.toDataURL(url, { margin: 2, width: 200, errorCorrectionLevel: 'M' })
      .then((data) => {
        if (live) setSrc(data);
      })
      .catch(() => setSrc(null));
    return () => {
      live = false;
    };
  }, [url]);
  if (!src) return null;
  return <img className="qr" src={src} width={200} height={200} alt={t('account.qrAlt')} />;
}

/** Groups the base32 secret in blocks of four for easier typing. */
function groupSecret(secret: string): string {
  return secret.replace(/\s+/g, '').replace(/(.{4})/g, '$1 ').trim();
}

function TwoFactor() {
  const { t } = useTranslation();
  const me = useMe();
  const { refresh } = useSession();
  const [setup, setSetup] = useState<{ secret: string; otpauthUrl: string } | null>(null);
  const [code, setCode] = useState('');
  const [message, setMessage] = useState<'enabled' | 'disabled' | null>(null);
  const start = useSubmit();
  const confirm = useSubmit();

  async function begin() {
    setMessage(null);
    const result = await start.run(() => api.post<{ secret: string; otpauthUrl: string }>('/api/me/totp/setup', {}));
    if (result) {
      setSetup(result);
      setCode('');
    }
  }

  async function enable(e: FormEvent) {
    e.preventDefault();
    const ok = await confirm.run(async () => {
      await api.post('/api/me/totp/enable', { code: code.trim() });
      return true;
    });
    if (ok) {
      setSetup(null);
      setCode('');
      setMessage('enabled');
      await refresh();
    }
  }

  async function disable(e: FormEvent) {
    e.preventDefault();
    const ok = await confirm.run(async () => {
      await api.post('/api/me/totp/disable', { code: code.trim() });
      return true;
    });
    if (ok) {
      setCode('');
      setMessage('disabled');
      await refresh();
    }
  }

  return (
    <Section title={t('account.totpTitle')} id="tweestapsverificatie">
      <p>{t('account.totpExplain')}</p>
      {message === 'enabled' ? (
        <Alert kind="success">
          <p>{t('account.totpEnabledDone')}</p>
          {me.mfa === 'ok' ? (
            <p>
              <Link to="/">{t('account.toHome')}</Link>
            </p>
          ) : null}
        </Alert>
      ) : null}
      {message === 'disabled' ? (
        <Alert kind="success">
          <p>{t('account.totpDisabledDone')}</p>
        </Alert>
      ) : null}
      <p>
        <strong>{t('account.totpStatus')}: </strong>
        {me.totpEnabled ? t('account.totpOn') : t('account.totpOff')}
      </p>

      {me.totpEnabled ? (
        <form onSubmit={disable} noValidate className="form-narrow">
          <h3>{t('account.totpDisableTitle')}</h3>
          <p>{t('account.totpDisableIntro')}</p>
          <FormError error={confirm.error} />
          <TextField
            label={t('account.code')}
            value={code}
            onChange={setCode}
            inputMode="numeric"
            autoComplete="one-time-code"
            maxLength={8}
            required
            error={fieldError(confirm.error, 'code')}
            fieldClassName="field-code"
          />
          <div className="form-actions">
            <SubmitButton busy={confirm.busy} className="danger">
              {t('account.totpDisable')}
            </SubmitButton>
          </div>
        </form>
      ) : setup ? (
        <div className="totp-setup">
          <ol className="steps">
            <li>
              <p>{t('account.totpStep1')}</p>
              <QrImage url={setup.otpauthUrl} />
            </li>
            <li>
              <p>{t('account.totpStep2')}</p>
              <Facts
                stacked
                items={[
                  { label: t('account.secret'), value: <code className="secret">{groupSecret(setup.secret)}</code> },
                  { label: t('account.otpauthUrl'), value: <code className="break">{setup.otpauthUrl}</code> },
                ]}
              />
            </li>
            <li>
              <form onSubmit={enable} noValidate className="form-narrow">
                <p>{t('account.totpStep3')}</p>
                <FormError error={confirm.error} />
                <TextField
                  label={t('account.code')}
                  value={code}
                  onChange={setCode}
                  inputMode="numeric"
                  autoComplete="one-time-code"
                  maxLength={8}
                  required
                  error={fieldError(confirm.error, 'code')}
                  fieldClassName="field-code"
                />
                <div className="form-actions">
                  <SubmitButton busy={confirm.busy}>{t('account.totpEnable')}</SubmitButton>
                  <button type="button" className="button secondary" onClick={() => setSetup(null)}>
                    {t('common.cancel')}
                  </button>
                </div>
              </form>
            </li>
          </ol>
        </div>
      ) : (
        <>
          <FormError error={start.error} />
          <button type="button" className="button" onClick={() => void begin()} disabled={start.busy}>
            {start.busy ? t('common.busy') : t('account.totpBegin')}
          </button>
        </>
      )}
    </Section>
  );
}

export function AccountPage() {
  const { t } = useTranslation();
  const me = useMe();
  const setupRequired = me.mfa === 'setup_required';
  return (
    <Page title={t('account.title')}>
      {setupRequired ? (
        <Alert kind="warning" title={t('account.setupRequiredTitle')}>
          <p>{t('account.setupRequiredText')}</p>
        </Alert>
      ) : null}
      {setupRequired ? (
        <TwoFactor />
      ) : (
        <>
          <Details />
          <TwoFactor />
          <ChangePassword />
        </>
      )}
    </Page>
  );
}
