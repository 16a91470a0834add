// Logging in (password, then the TOTP code when two-factor is on) and resetting a forgotten password.
import { useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { api } from '../shared/api';
import { useSubmit } from '../shared/hooks';
import { Alert, fieldError, FormError, Page, SubmitButton, TextField } from '../shared/components';
import { useSession } from '../shared/session';
import type { LoginStatus } from '../shared/types';

export function LoginPage() {
  const { t } = useTranslation();
  const { loggedIn } = useSession();
  const [step, setStep] = useState<'password' | 'totp'>('password');
  const [login, setLogin] = useState('');
  const [password, setPassword] = useState('');
  const [code, setCode] = useState('');
  const { busy, error, setError, run } = useSubmit();

  async function submitPassword(e: FormEvent) {
    e.preventDefault();
    const result = await run(() => api.post<{ status: LoginStatus }>('/api/auth/login', { login, password }, { quiet: true }));
    if (!result) return;
    setPassword('');
    if (result.status === 'mfa_required') {
      setStep('totp');
      return;
    }
    // "ok" and "mfa_setup_required": the session exists; the router sends the user on (to /account for set-up).
    await loggedIn();
  }

  async function submitCode(e: FormEvent) {
    e.preventDefault();
    const result = await run(() => api.post<{ status: LoginStatus }>('/api/auth/login/totp', { code: code.trim() }, { quiet: true }));
    if (!result) return;
    await loggedIn();
  }

  if (step === 'totp') {
    return (
      <Page title={t('auth.totpTitle')}>
        <div className="narrow card">
          <p>{t('auth.totpIntro')}</p>
          <form onSubmit={submitCode} noValidate>
            <FormError error={error} />
            <TextField
              label={t('auth.code')}
              value={code}
              onChange={setCode}
              inputMode="numeric"
              autoComplete="one-time-code"
              pattern="[0-9]*"
              maxLength={8}
              required
              autoFocus
              error={fieldError(error, 'code')}
              fieldClassName="field-code"
            />
            <div className="form-actions">
              <SubmitButton busy={busy}>{t('auth.confirm')}</SubmitButton>
              <button
                type="button"
                className="button secondary"
                onClick={() => {
                  setStep('password');
                  setCode('');
                  setError(null);
                }}
              >
                {t('auth.backToLogin')}
              </button>
            </div>
          </form>
        </div>
      </Page>
    );
  }

  return (
    <Page title={t('auth.loginTitle')}>
      <div className="narrow card">
        <p className="muted">{t('auth.loginIntro')}</p>
        <form onSubmit={submitPassword} noValidate>
          <FormError error={error} />
          <TextField
            label={t('auth.login')}
            value={login}
            onChange={setLogin}
            autoComplete="username"
            autoCapitalize="none"
            spellCheck={false}
            required
            error={fieldError(error, 'login')}
          />
          <TextField
            label={t('auth.password')}
            type="password"
            value={password}
            onChange={setPassword}
            autoComplete="current-password"
            required
            error={fieldError(error, 'password')}
          />
          <div className="form-actions">
            <SubmitButton busy={busy}>{t('auth.submit')}</SubmitButton>
            <Link to="/wachtwoord-vergeten">{t('auth.forgotLink')}</Link>
          </div>
        </form>
      </div>
    </Page>
  );
}

export function ForgotPasswordPage() {
  const { t } = useTranslation();
  const [login, setLogin] = useState('');
  const [sent, setSent] = useState(false);
  const { busy, error, run } = useSubmit();

  async function submit(e: FormEvent) {
    e.preventDefault();
    const ok = await run(async () => {
      await api.post('/api/auth/password-reset', { login: login.trim() }, { quiet: true });
      return true;
    });
    if (ok) setSent(true);
  }

  return (
    <Page title={t('auth.forgotTitle')}>
      <div className="narrow card">
        {sent ? (
          <>
            <Alert kind="success">
              <p>{t('auth.forgotSent')}</p>
            </Alert>
            <p>
              <Link to="/inloggen">{t('auth.toLogin')}</Link>
            </p>
          </>
        ) : (
          <form onSubmit={submit} noValidate>
            <p>{t('auth.forgotIntro')}</p>
            <FormError error={error} />
            <TextField
              label={t('auth.loginOrEmail')}
              value={login}
              onChange={setLogin}
              autoComplete="username"
              autoCapitalize="none"
              spellCheck={false}
              required
              error={fieldError(error, 'login')}
            />
            <div className="form-actions">
              <SubmitButton busy={busy}>{t('auth.forgotSubmit')}</SubmitButton>
              <Link to="/inloggen">{t('auth.toLogin')}</Link>
            </div>
          </form>
        )}
      </div>
    </Page>
  );
}

export function ResetPasswordPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const [password, setPassword] = useState('');
  const [repeat, setRepeat] = useState('');
  const [mismatch, setMismatch] = useState(false);
  const [done, setDone] = useState(false);
  const { busy, error, run } = useSubmit();

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (password !== repeat) {
      setMismatch(true);
      return;
    }
    setMismatch(false);
    const ok = await run(async () => {
      await api.post('/api/auth/password-reset/confirm', { token, newPassword: password }, { quiet: true });
      return true;
    });
    if (ok) setDone(true);
  }

  if (!token) {
    return (
      <Page title={t('auth.resetTitle')}>
        <div className="narrow card">
          <Alert kind="warning">
            <p>{t('auth.resetNoToken')}</p>
          </Alert>
          <p>
            <Link to="/wachtwoord-vergeten">{t('auth.requestNewLink')}</Link>
          </p>
        </div>
      </Page>
    );
  }

  return (
    <Page title={t('auth.resetTitle')}>
      <div className="narrow card">
        {done ? (
          <>
            <Alert kind="success">
              <p>{t('auth.resetDone')}</p>
            </Alert>
            <p>
              <Link to="/inloggen">{t('auth.toLogin')}</Link>
            </p>
          </>
        ) : (
          <form onSubmit={submit} noValidate>
            <p>{t('auth.resetIntro')}</p>
            <FormError error={error} />
            {error?.code === 'invalid_token' ? (
              <p>
                <Link to="/wachtwoord-vergeten">{t('auth.requestNewLink')}</Link>
              </p>
            ) : null}
            <TextField
              label={t('auth.newPassword')}
              type="password"
              value={password}
              onChange={setPassword}
              autoComplete="new-password"
              required
              error={fieldError(error, 'newPassword')}
            />
            <TextField
              label={t('auth.repeatPassword')}
              type="password"
              value={repeat}
              onChange={setRepeat}
              autoComplete="new-password"
              required
              error={mismatch ? t('auth.mismatch') : undefined}
            />
            <div className="form-actions">
              <SubmitButton busy={busy}>{t('auth.resetSubmit')}</SubmitButton>
            </div>
          </form>
        )}
      </div>
    </Page>
  );
}
