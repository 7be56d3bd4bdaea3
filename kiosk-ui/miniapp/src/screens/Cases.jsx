import { useCallback, useEffect, useState } from 'react';
import { Button, Page, useNavigate } from 'zmp-ui';
import { api } from '../api.js';
import { useApp } from '../context.js';
import { CASE_CODE } from '../session.js';
import { Failure, Heading, Loading, Paragraphs, formatDate } from '../ui.jsx';

const POLL_MS = 10000;

/** Every message of the conversation (the API pages by 200). */
async function allMessages(conversation) {
  const messages = [];
  for (let after = 0, page = 0; page < 10; page++) {
    const batch = (await api.messagesAfter(conversation, after)).messages || [];
    messages.push(...batch);
    if (batch.length < 200) break;
    after = batch[batch.length - 1].seq;
  }
  return messages;
}

/**
 * My cases, from what the API offers today: the case codes this conversation was given (remembered on this device
 * and read from the engine's own messages), each code's public status, and the officers' messages of the
 * conversation (the appointment is agreed there). A case-view API (issue 18) would add per-case messages, the booked
 * appointment as data, and the cases of the same Zalo user across conversations.
 */
export function Cases() {
  const { lang, t, session } = useApp();
  const navigate = useNavigate();
  const [cases, setCases] = useState(null);
  const [staff, setStaff] = useState([]);
  const [error, setError] = useState(null);

  const load = useCallback(async () => {
    try {
      const conversation = await session.conversation(lang);
      const messages = await allMessages(conversation);
      const codes = new Set(session.knownCases());
      messages.filter((m) => m.origin === 'bot' && m.text).forEach((m) => (m.text.match(CASE_CODE) || []).forEach((c) => codes.add(c)));
      codes.forEach((c) => session.rememberCase(c));
      const statuses = await Promise.all([...codes].map((code) => api.caseStatus(code, lang).catch(() => null)));
      setCases(statuses.filter(Boolean).sort((a, b) => String(b.updatedAt).localeCompare(String(a.updatedAt))));
      setStaff(messages.filter((m) => m.origin === 'staff' && m.text).reverse());
      setError(null);
    } catch (e) {
      setError(e);
    }
  }, [lang, session]);

  useEffect(() => {
    load();
    const timer = setInterval(load, POLL_MS);
    return () => clearInterval(timer);
  }, [load]);

  return (
    <Page className="page" name="cases">
      <Heading>{t('casesTitle')}</Heading>
      {error && <Failure error={error} onRetry={load} />}
      {!error && !cases && <Loading />}
      {cases && cases.length === 0 && <p>{t('noCases')}</p>}
      {cases && cases.length > 0 && (
        <ul className="cases">
          {cases.map((c) => (
            <li key={c.code} className="panel case" data-case={c.code}>
              <p className="case-code">{c.code}</p>
              {c.procedureName && <p className="lead">{c.procedureName}</p>}
              <dl>
                <dt>{t('status')}</dt>
                <dd className={`status status-${c.status}`}>{t(`status_${c.status}`)}</dd>
                {c.updatedAt && <><dt>{t('updated')}</dt><dd>{formatDate(c.updatedAt, lang)}</dd></>}
              </dl>
            </li>
          ))}
        </ul>
      )}
      {cases && (
        <section aria-labelledby="staff-messages" className="staff-messages">
          <h2 id="staff-messages">{t('staffMessages')}</h2>
          {staff.length === 0 ? <p className="hint">{t('noStaffMessages')}</p> : (
            <ul>
              {staff.map((m) => (
                <li key={m.seq} className="panel msg-staff">
                  <p className="who">{t('staff')} · {formatDate(m.at, lang)}</p>
                  <div className="msg-text"><Paragraphs text={m.text} /></div>
                </li>
              ))}
            </ul>
          )}
          <div className="actions">
            <Button variant="secondary" fullWidth onClick={load}>{t('refresh')}</Button>
            {staff.length > 0 && <Button variant="secondary" fullWidth onClick={() => navigate('/ask')}>{t('replyToStaff')}</Button>}
          </div>
        </section>
      )}
    </Page>
  );
}
