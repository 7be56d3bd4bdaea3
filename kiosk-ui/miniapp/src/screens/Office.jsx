import { Button, Page } from 'zmp-ui';
import { useApp } from '../context.js';
import { openLink } from '../sdk/zalo.js';
import { BackButton, Heading, Loading } from '../ui.jsx';

/** Office hours, address, desk, contact and the map link, all from GET /api/v1/office. */
export function Office() {
  const { t, office } = useApp();
  return (
    <Page className="page" name="office">
      <BackButton />
      <Heading>{t('officeTitle')}</Heading>
      {!office ? <Loading /> : (
        <>
          {office.demo && <p className="note">{t('demo')}</p>}
          <section className="panel" aria-labelledby="hours-title">
            <h2 id="hours-title">{t('hours')}</h2>
            <p className={`office-now ${office.openNow ? 'open' : 'closed'}`}><strong>{office.openNow ? t('openNow') : t('closedNow')}</strong>{office.status ? ` · ${office.status}` : ''}</p>
            <ul className="weekly">{(Array.isArray(office.weekly) ? office.weekly : String(office.weekly || '').split('\n')).filter(Boolean).map((line) => <li key={line}>{line}</li>)}</ul>
          </section>
          <section className="panel" aria-labelledby="address-title">
            <h2 id="address-title">{t('address')}</h2>
            <p>{office.name}</p>
            <p>{office.address}</p>
            {office.desk && <p><span className="meta">{t('desk')}: </span>{office.desk}</p>}
            {office.phone && <p><span className="meta">{t('phone')}: </span>{office.phone}</p>}
            {office.email && <p><span className="meta">{t('email')}: </span>{office.email}</p>}
            {office.mapUrl && <Button variant="secondary" fullWidth onClick={() => openLink(office.mapUrl)}>{t('openMap')}</Button>}
          </section>
        </>
      )}
    </Page>
  );
}
