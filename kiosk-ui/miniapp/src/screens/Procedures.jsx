import { useMemo, useState } from 'react';
import { Page, useNavigate } from 'zmp-ui';
import { api } from '../api.js';
import { useLoad } from '../useLoad.js';
import { useApp } from '../context.js';
import { fold } from '../i18n.js';
import { Icon } from '../icons.jsx';
import { Failure, Heading, Loading } from '../ui.jsx';

/** Every procedure of the ward's catalog, searchable by name and summary (accents optional). */
export function Procedures() {
  const { lang, t } = useApp();
  const navigate = useNavigate();
  const [query, setQuery] = useState('');
  const [procedures, error, retry] = useLoad(() => api.procedures(lang), [lang]);

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
      {error && <Failure error={error} onRetry={retry} />}
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
