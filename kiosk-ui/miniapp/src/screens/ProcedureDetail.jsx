import { useState } from 'react';
import { Button, Page, useNavigate, useParams } from 'zmp-ui';
import { api } from '../api.js';
import { useLoad } from '../useLoad.js';
import { useApp } from '../context.js';
import { Icon } from '../icons.jsx';
import { BackButton, Failure, Heading, Loading, Paragraphs } from '../ui.jsx';

const ASPECTS = ['documents', 'fee', 'processing_time', 'eligibility', 'online'];

/** One procedure: summary, then each aspect as a tab (WAI-ARIA tabs: arrow keys move between them). */
export function ProcedureDetail() {
  const { id } = useParams();
  const { lang, t } = useApp();
  const navigate = useNavigate();
  const [procedure, error, retry] = useLoad(() => api.procedure(id, lang), [id, lang]);
  const [aspect, setAspect] = useState('documents');

  if (error) return <Page className="page"><BackButton /><Failure error={error} onRetry={retry} /></Page>;
  if (!procedure) return <Page className="page"><BackButton /><Loading /></Page>;

  const tabs = ASPECTS.filter((a) => (a === 'documents' ? (procedure.documents || []).length : procedure.aspects?.[a]));
  const current = tabs.includes(aspect) ? aspect : tabs[0];
  const onKey = (e) => {
    if (e.key !== 'ArrowRight' && e.key !== 'ArrowLeft') return;
    const i = (tabs.indexOf(current) + (e.key === 'ArrowRight' ? 1 : tabs.length - 1)) % tabs.length;
    setAspect(tabs[i]);
    document.getElementById(`tab-${tabs[i]}`)?.focus();
  };
  const answer = procedure.aspects?.[current] || {};

  return (
    <Page className="page" name="procedure">
      <BackButton />
      <div className="proc-head">
        <Icon name={procedure.icon} className="icon icon-lg" />
        <div>
          <Heading>{procedure.name}</Heading>
          <p className="lead">{procedure.summary}</p>
        </div>
      </div>
      {!procedure.reviewed && <p className="note">{t('notReviewed')}</p>}
      <div className="actions">
        <Button fullWidth onClick={() => navigate(`/request/${procedure.id}`)} id="start-request">{t('startRequest')}</Button>
        <Button fullWidth variant="secondary" onClick={() => navigate('/ask', { state: { about: { id: procedure.id, name: procedure.name } } })}>
          {t('askAbout')}
        </Button>
      </div>
      <div className="tabs" role="tablist" aria-label={t('aspects')} onKeyDown={onKey}>
        {tabs.map((a) => (
          <button key={a} type="button" role="tab" id={`tab-${a}`} aria-selected={a === current} aria-controls="aspect-panel"
            tabIndex={a === current ? 0 : -1} onClick={() => setAspect(a)}>
            {t(`aspect_${a}`)}
          </button>
        ))}
      </div>
      <section className="panel" id="aspect-panel" role="tabpanel" aria-labelledby={`tab-${current}`} tabIndex={0}>
        {current === 'documents' ? (
          <ul className="documents">
            {procedure.documents.map((d, i) => (
              <li key={i}>
                <span>{d.text}</span>
                <span className="meta">{d.kindLabel || d.kind}{d.count ? ` · ${t('count', { n: d.count })}` : ''}</span>
                {d.note && <span className="meta">{d.note}</span>}
              </li>
            ))}
          </ul>
        ) : (
          <>
            <Paragraphs text={answer.text} />
            {(answer.items || []).length > 0 && (
              <ul className="items">{answer.items.map((it, i) => <li key={i}>{typeof it === 'string' ? it : it.text}</li>)}</ul>
            )}
          </>
        )}
      </section>
      {(procedure.legalBasis || []).length > 0 && (
        <details className="legal">
          <summary>{t('legalBasis')}</summary>
          <ul>{procedure.legalBasis.map((l) => <li key={l}>{l}</li>)}</ul>
        </details>
      )}
    </Page>
  );
}
