import { useEffect, useMemo, useState } from 'react';
import { Page, useNavigate } from 'zmp-ui';
import { api } from '../api.js';
import { useApp } from '../context.js';
import { fold } from '../i18n.js';
import { Icon } from '../icons.jsx';
import { Failure, Heading, Loading } from '../ui.jsx';

/** Every procedure of the ward's catalog, searchable by name and summary (accents optional). */
export function Procedures() {
  const { lang, t } = useApp();
  const navigate = useNavigate();
  const [procedures, setProcedures] = useState(null);
  const [error, setError] = useState(null);
  const [query, setQuery] = useState('');
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let live = true;
    setError(null);
    api.procedures(lang).then((list) => live && setProcedures(list)).catch((e) => live && setError(e));
    return () => { live = false; };
  }, [lang, attempt]);

  const shown = useMemo(() => {
    const words = fold(query).split(/\s+/).filter(Boolean);
    return (procedures || []).filter((p) => {
      const text = fold(`${p.name} ${p.summary}`);
      return words.every((w) => text.includes(w));
    });
  }, [procedures, query]);

  return (
    <Page className="page" name="procedures">
      <Heading>{t('proceduresTitle')}</Heading>
      <form role="search" className="search" onSubmit={(e) => e.preventDefault()}>
        <label htmlFor="procedure-search">{t('search')}</label>
        <input id="procedure-search" type="search" value={query} placeholder={t('searchPlaceholder')}
          autoComplete="off" onChange={(e) => setQuery(e.target.value)} />
      </form>
      {error && <Failure error={error} onRetry={() => setAttempt((n) => n + 1)} />}
      {!error && !procedures && <Loading />}
      {procedures && shown.length === 0 && <p role="status">{t('noMatch', { q: query })}</p>}
      <ul className="procedure-list detailed">
        {shown.map((p) => (
          <li key={p.id}>
            <button type="button" className="procedure" data-procedure={p.id} onClick={() => navigate(`/procedures/${p.id}`)}>
              <Icon name={p.icon} />
              <span><span className="name">{p.name}</span><span className="summary">{p.summary}</span></span>
            </button>
          </li>
        ))}
      </ul>
    </Page>
  );
}
