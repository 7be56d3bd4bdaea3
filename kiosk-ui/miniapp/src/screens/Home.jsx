import { useEffect } from 'react';
import { Page, useNavigate } from 'zmp-ui';
import { api } from '../api.js';
import { useLoad } from '../useLoad.js';
import { useApp } from '../context.js';
import { Icon } from '../icons.jsx';
import { Failure, Heading, Loading } from '../ui.jsx';

export function Home() {
  const { lang, t, office } = useApp();
  const navigate = useNavigate();
  const [procedures, error, retry] = useLoad(() => api.procedures(lang), [lang]);

  useEffect(() => {
    // ./warddesk bench-miniapp reads this mark: the home screen with the ward's procedures on it.
    if (procedures && !performance.getEntriesByName('warddesk:home').length) performance.mark('warddesk:home');
  }, [procedures]);

  const closures = office?.upcomingClosures || [];
  return (
    <Page className="page" name="home">
      <section className="hero">
        <Heading>{t('greeting')}</Heading>
        <p className="lead">{t('greetingSub')}</p>
        {office && (
          <button type="button" className={`office-status ${office.openNow ? 'open' : 'closed'}`} onClick={() => navigate('/office')}>
            <Icon name="clock" />
            <span><strong>{office.openNow ? t('openNow') : t('closedNow')}</strong>{office.status ? ` · ${office.status}` : ''}</span>
          </button>
        )}
      </section>
      {closures.length > 0 && (
        <section className="panel announcements" aria-labelledby="announcements">
          <h2 id="announcements"><Icon name="bell" />{t('announcements')}</h2>
          <ul>{closures.map((c) => <li key={c.date}>{t('closedOn', { date: c.date.split('-').reverse().join('/'), name: c.name })}</li>)}</ul>
        </section>
      )}
      <div className="shortcuts">
        <button type="button" className="shortcut" onClick={() => navigate('/ask')}><Icon name="chat" /><span>{t('askTitle')}</span></button>
        <button type="button" className="shortcut" onClick={() => navigate('/cases')}><Icon name="folder" /><span>{t('casesTitle')}</span></button>
        <button type="button" className="shortcut" onClick={() => navigate('/office')}><Icon name="pin" /><span>{t('officeTitle')}</span></button>
        <button type="button" className="shortcut" onClick={() => navigate('/privacy')}><Icon name="lock" /><span>{t('privacyCentre')}</span></button>
      </div>
      <h2>{t('proceduresTitle')}</h2>
      {error && <Failure error={error} onRetry={retry} />}
      {!error && !procedures && <Loading />}
      {procedures && (
        <ul className="procedure-list">
          {procedures.map((p) => (
            <li key={p.id}>
              <button type="button" className="procedure" data-procedure={p.id} onClick={() => navigate(`/procedures/${p.id}`)}>
                <Icon name={p.icon} /><span>{p.name}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </Page>
  );
}
