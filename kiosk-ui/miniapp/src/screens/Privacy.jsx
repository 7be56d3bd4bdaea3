import { useCallback, useEffect, useState } from 'react';
import { Button, Page } from 'zmp-ui';
import { api } from '../api.js';
import { useApp } from '../context.js';
import { EngineButton, Failure, Heading, Loading, Paragraphs, formatDate } from '../ui.jsx';

/**
 * The privacy centre: the ward's notice, my consents with their receipt, see my data, withdraw consent and erase.
 * Data rights go through the same conversation actions as every channel (`mydata`, `erase`, `erase:confirm`,
 * `erase:cancel`), so the engine's rules and its record of the withdrawal apply unchanged.
 */
export function Privacy() {
  const { lang, t, session } = useApp();
  const [notice, setNotice] = useState(null);
  const [receipt, setReceipt] = useState(undefined); // undefined: loading; null: no consent yet
  const [answer, setAnswer] = useState(null); // the engine's reply to the last data-rights action
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState(null);

  const loadReceipt = useCallback(async () => {
    try {
      const conversation = await session.conversation(lang);
      setReceipt(await api.consentReceipt(conversation));
    } catch (e) {
      if (e.status === 404) setReceipt(null);
      else setError(e);
    }
  }, [lang, session]);

  useEffect(() => {
    api.privacyNotice(lang).then(setNotice).catch(setError);
    loadReceipt();
  }, [lang, loadReceipt]);

  async function act(action) {
    setBusy(true);
    setError(null);
    try {
      const response = await session.send({ action }, lang);
      setAnswer(response);
      if (action === 'erase:confirm') {
        session.forgetCases(); // the ward erased them: this phone forgets them too
        await loadReceipt();
      }
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }

  const answerButtons = (answer?.replies || []).flatMap((r) => r.buttons || []).filter((b) => b.action.startsWith('erase'));
  return (
    <Page className="page" name="privacy">
      <Heading>{t('privacyCentre')}</Heading>
      {error && <Failure error={error} />}
      <section className="panel" aria-labelledby="notice-title">
        <h2 id="notice-title">{t('notice')}</h2>
        {!notice ? <Loading /> : (
          <>
            <p className="meta">{t('noticeVersion', { v: notice.version })}</p>
            <Paragraphs text={notice.short} />
            <details>
              <summary>{t('readFull')}</summary>
              <Paragraphs text={notice.full} />
            </details>
          </>
        )}
      </section>
      <section className="panel" aria-labelledby="consents-title" id="consents">
        <h2 id="consents-title">{t('myConsents')}</h2>
        {receipt === undefined && <Loading />}
        {receipt === null && <p>{t('noConsents')}</p>}
        {receipt && (
          <>
            <p><span className="meta">{t('receiptId')}: </span><strong id="receipt-id">{receipt.consentReceiptID}</strong></p>
            <p className="meta">{receipt.piiControllers?.[0]?.piiController} · {t('noticeVersion', { v: receipt.notice?.version })}</p>
            <ul className="consent-events">
              {(receipt.events || []).map((e, i) => (
                <li key={i} data-decision={e.decision}>{t(`decision_${e.decision}`)} · {formatDate(e.at, lang)}</li>
              ))}
            </ul>
          </>
        )}
      </section>
      <section className="panel" aria-labelledby="rights-title">
        <h2 id="rights-title">{t('myData')}</h2>
        <Button variant="secondary" fullWidth id="my-data" disabled={busy} onClick={() => act('mydata')}>{t('myData')}</Button>
        <p className="hint">{t('withdrawHint')}</p>
        <Button variant="secondary" type="danger" fullWidth id="withdraw" disabled={busy} onClick={() => act('erase')}>{t('withdrawErase')}</Button>
        {answer && (
          <div className="engine-answer" role="status">
            {(answer.replies || []).map((r, i) => <Paragraphs key={i} text={r.text} />)}
            <div className="choice-pair">
              {answerButtons.map((b) => <EngineButton key={b.action} button={b} onAction={act} disabled={busy} />)}
            </div>
          </div>
        )}
      </section>
    </Page>
  );
}
