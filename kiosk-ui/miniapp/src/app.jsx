import { useCallback, useEffect, useMemo, useState } from 'react';
import { App, AnimationRoutes, BottomNavigation, Route, ZMPRouter, useLocation, useNavigate } from 'zmp-ui';
import { api } from './api.js';
import { AppContext, useApp } from './context.js';
import { LANGS, translate } from './i18n.js';
import { Icon } from './icons.jsx';
import { applyTheme } from './theme.js';
import { Home } from './screens/Home.jsx';
import { Procedures } from './screens/Procedures.jsx';
import { ProcedureDetail } from './screens/ProcedureDetail.jsx';
import { Ask } from './screens/Ask.jsx';
import { Request } from './screens/Request.jsx';
import { Cases } from './screens/Cases.jsx';
import { Privacy } from './screens/Privacy.jsx';
import { Office } from './screens/Office.jsx';

const TABS = [
  { key: '/', icon: 'home', label: 'home' },
  { key: '/procedures', icon: 'file', label: 'procedures' },
  { key: '/ask', icon: 'chat', label: 'ask' },
  { key: '/cases', icon: 'folder', label: 'cases' },
  { key: '/privacy', icon: 'lock', label: 'privacy' },
];

function TopBar() {
  const { lang, setLang, brand, t } = useApp();
  return (
    <header className="topbar">
      <div className="brand">
        {brand.logoUrl ? <img src={brand.logoUrl} alt="" className="logo" /> : <Icon name="shield" className="icon logo" />}
        <span className="brand-name">{brand.name || 'WardDesk'}</span>
      </div>
      <div className="langs" role="group" aria-label={`${t('language')} / Language`}>
        {LANGS.map((code) => (
          <button key={code} type="button" lang={code} aria-pressed={lang === code} onClick={() => setLang(code)}>
            {code === 'vi' ? 'VI' : 'EN'}
            <span className="sr-only">{code === 'vi' ? ' Tiếng Việt' : ' English'}</span>
          </button>
        ))}
      </div>
    </header>
  );
}

function Tabs() {
  const { t } = useApp();
  const location = useLocation();
  const navigate = useNavigate();
  const active = TABS.map((tab) => tab.key).filter((key) => key === '/' ? location.pathname === '/' : location.pathname.startsWith(key))[0] || '/';
  return (
    <nav aria-label={t('menu')}>
      <BottomNavigation fixed activeKey={active} id="tabs">
        {TABS.map((tab) => (
          <BottomNavigation.Item key={tab.key} itemKey={tab.key} label={t(tab.label)} icon={<Icon name={tab.icon} />}
            onClick={() => navigate(tab.key, { animate: false })} />
        ))}
      </BottomNavigation>
    </nav>
  );
}

/** The whole Mini App; `session` opens the conversation on first use (src/session.js). */
export function WardApp({ session, initialLang = 'vi' }) {
  const [lang, setLangState] = useState(initialLang);
  const [brand, setBrand] = useState({ name: '' });
  const [office, setOffice] = useState(null);

  useEffect(() => {
    document.documentElement.lang = lang;
    let live = true;
    // The app's name: the one configured for the Mini App, else the office's own name (both in this language).
    Promise.all([api.miniApp(lang).catch(() => ({})), api.office(lang).catch(() => null)]).then(([config, o]) => {
      if (!live) return;
      const name = config.name || o?.name || 'WardDesk';
      setBrand({ name, logoUrl: config.logoUrl || '' });
      applyTheme(config.colours);
      setOffice(o);
      document.title = name;
    });
    return () => { live = false; };
  }, [lang]);

  const setLang = useCallback((code) => setLangState(LANGS.includes(code) ? code : 'vi'), []);
  const value = useMemo(() => ({
    lang, setLang, brand, office, session,
    t: (key, vars) => translate(lang, key, vars),
  }), [lang, setLang, brand, office, session]);

  return (
    <AppContext.Provider value={value}>
      <App>
        <ZMPRouter memoryRouter>
          <TopBar />
          <main id="main">
            <AnimationRoutes>
              <Route path="/" element={<Home />} />
              <Route path="/procedures" element={<Procedures />} />
              <Route path="/procedures/:id" element={<ProcedureDetail />} />
              <Route path="/ask" element={<Ask />} />
              <Route path="/request/:id" element={<Request />} />
              <Route path="/cases" element={<Cases />} />
              <Route path="/privacy" element={<Privacy />} />
              <Route path="/office" element={<Office />} />
            </AnimationRoutes>
          </main>
          <Tabs />
        </ZMPRouter>
      </App>
    </AppContext.Provider>
  );
}
