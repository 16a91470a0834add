// The frame of every page: skip link, header (brand, language, user, logout), role-based menu, main.
import { Suspense, useEffect, useRef, useState } from 'react';
import { Link, NavLink, Outlet, useLocation, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useSession } from '../shared/session';
import { Loading } from '../shared/components';
import { navigation } from './nav';
import { loadCatalogues, useCatalogues } from '../i18n';
import { api } from '../shared/api';
import { NOTIFICATIONS_CHANGED } from '../notifications/events';

function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  const { setLanguage } = useSession();
  const current = i18n.language === 'en' ? 'en' : 'nl';
  const other = current === 'en' ? 'nl' : 'en';
  // The button names the other language in that language ("English" / "Nederlands"), as is usual for language switches.
  return (
    <button type="button" className="button ghost lang-switch" lang={other} onClick={() => void setLanguage(other)}>
      {t('layout.otherLanguage')}
    </button>
  );
}

/** "Meldingen" with the unread count; read again on every navigation and when a page changed the notifications. */
function NotificationsLink() {
  const { t } = useTranslation();
  const { me } = useSession();
  const location = useLocation();
  const [unread, setUnread] = useState(0);
  const [tick, setTick] = useState(0);
  useEffect(() => {
    const bump = () => setTick((n) => n + 1);
    window.addEventListener(NOTIFICATIONS_CHANGED, bump);
    return () => window.removeEventListener(NOTIFICATIONS_CHANGED, bump);
  }, []);
  const loggedIn = !!me && me.mfa !== 'setup_required';
  useEffect(() => {
    if (!loggedIn) return;
    const controller = new AbortController();
    api.get<{ unread: number }>('/api/notifications/count', { signal: controller.signal })
      .then((c) => setUnread(c.unread))
      .catch(() => undefined);
    return () => controller.abort();
  }, [loggedIn, location.pathname, tick]);
  if (!loggedIn) return null;
  return (
    <Link className="header-notifications" to="/meldingen">
      {t('layout.notifications')}
      {unread > 0 ? (
        <span className="count-badge">
          <span aria-hidden="true">{unread}</span>
          <span className="visually-hidden">{t('layout.notificationsUnread', { count: unread })}</span>
        </span>
      ) : null}
    </Link>
  );
}

function UserMenu() {
  const { t } = useTranslation();
  const { me, logout } = useSession();
  const navigate = useNavigate();
  if (!me) return null;
  return (
    <>
      <Link className="header-user" to="/account">
        <span className="visually-hidden">{t('layout.loggedInAs')} </span>
        {me.name}
      </Link>
      <button
        type="button"
        className="button ghost"
        onClick={() => {
          void logout().finally(() => navigate('/inloggen', { replace: true }));
        }}
      >
        {t('layout.logout')}
      </button>
    </>
  );
}

function MainNav() {
  const { t } = useTranslation();
  const { me } = useSession();
  // The menu names capabilities whose texts come after login (see i18n/index.ts).
  const texts = useCatalogues();
  useEffect(() => {
    if (me) void loadCatalogues().catch(() => undefined);
  }, [me]);
  if (!me || !texts) return null;
  const sections = navigation(me, t);
  return (
    <nav className="app-nav" aria-label={t('layout.mainMenu')}>
      {sections.map((section) => (
        <div key={section.id} className="nav-section">
          {section.heading ? (
            <p className="nav-heading" id={`nav-${section.id}`}>
              {section.heading}
            </p>
          ) : null}
          <ul aria-labelledby={section.heading ? `nav-${section.id}` : undefined}>
            {section.items.map((item) => (
              <li key={item.to}>
                <NavLink to={item.to} end={item.end}>
                  {item.label}
                </NavLink>
              </li>
            ))}
          </ul>
        </div>
      ))}
    </nav>
  );
}

export function Layout() {
  const { t } = useTranslation();
  const { me } = useSession();
  const location = useLocation();
  const mainRef = useRef<HTMLElement>(null);
  const first = useRef(true);

  // After a navigation, move focus to the main region so keyboard and screen-reader users start at the new content.
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    mainRef.current?.focus({ preventScroll: false });
  }, [location.pathname]);

  const schoolName = me && me.schools.length === 1 ? me.schools[0].name : null;
  const withNav = !!me;

  return (
    <div className={`app${withNav ? ' with-nav' : ''}`}>
      <a className="skip-link" href="#main">
        {t('layout.skipToContent')}
      </a>
      <header className="app-header">
        <div className="brand">
          <Link to="/" className="brand-name">
            <svg aria-hidden="true" viewBox="0 0 32 32" width="26" height="26" focusable="false">
              <rect width="32" height="32" rx="7" fill="currentColor" opacity="0.18" />
              <path d="M9 24 L16 7 L23 24 L16 19 Z" fill="currentColor" />
            </svg>
            {t('app.name')}
          </Link>
          {schoolName ? <span className="brand-school">{schoolName}</span> : null}
        </div>
        <div className="header-tools">
          <LanguageSwitch />
          <NotificationsLink />
          <UserMenu />
        </div>
      </header>
      <div className="app-body">
        <MainNav />
        <main id="main" ref={mainRef} tabIndex={-1}>
          <Suspense fallback={<Loading />}>
            <Outlet />
          </Suspense>
        </main>
      </div>
    </div>
  );
}
