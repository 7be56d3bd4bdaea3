import { useCallback, useEffect, useRef, useState } from 'react';
import { Button, Page, useNavigate } from 'zmp-ui';
import { api } from '../api.js';
import { useApp } from '../context.js';
import { CASE_CODE } from '../session.js';
import { Failure, Heading, Loading, Paragraphs, formatDate, formatDay } from '../ui.jsx';

// The case pages are rate-limited per client address (server.status-lookups-per-client, 30 an hour), and many phones
// share one address behind a mobile carrier: they are read when the screen opens, on "Refresh", and when a new
// message arrives in the conversation — which is polled instead (bearer token, not rate-limited).
const POLL_MS = 10000;
// The links the bot and the status notices send carry the case's code check: …/c/PH-2026-1234567#k=1234.
const CASE_LINK = /\/c\/([A-Z]{2,4}-20\d{2}-\d{7}(?:-\d{7})?)#k=(\d{4})\b/g;

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

/** Codes (and checks, where a link carries one) the ward's side of the conversation gave this citizen. */
function casesInMessages(messages) {
  const found = [];
  messages.filter((m) => (m.origin === 'bot' || m.origin === 'staff') && m.text).forEach((m) => {
    for (const [, code, check] of m.text.matchAll(CASE_LINK)) found.push({ code, check });
    (m.text.match(CASE_CODE) || []).forEach((code) => found.push({ code, check: null }));
  });
  return found;
}

/** One case: its page when the check is known, else only its public status (older entries, codes seen in chat). */
async function loadCase({ code, check }, lang) {
  if (check) {
    try {
      return { ...(await api.casePage(code, check, lang)), full: true };
    } catch (e) {
      if (e.status !== 404) throw e; // 404: a wrong or outdated check; the status still shows
    }
  }
  try {
    return { ...(await api.caseStatus(code, lang)), full: false };
  } catch (e) {
    if (e.status === 404) return null; // gone (or never this citizen's)
    throw e;
  }
}

/**
 * My cases: every case the citizen made on this phone (the (code, check) pairs kept in the Mini App's storage, see
 * session.js) plus any the conversation names (a Zalo user's conversation follows them across reinstalls), each read
 * from the citizen case page API: status, appointment day, what to bring, where, and the officers' messages.
 */
export function Cases() {
  const { lang, t, session } = useApp();
  const navigate = useNavigate();
  const [cases, setCases] = useState(null);
  const [chat, setChat] = useState([]);
  const [error, setError] = useState(null);
  const seen = useRef(-1); // the number of staff/bot messages when the cases were last read
  const forgotten = useRef(0); // times the cases were forgotten: a load started before must not bring them back

  const load = useCallback(async (force = true) => {
    const startedAfter = forgotten.current;
    try {
      const conversation = await session.conversation(lang);
      const messages = await allMessages(conversation);
      const fromWard = messages.filter((m) => (m.origin === 'staff' || m.origin === 'bot') && m.text);
      if (!force && fromWard.length === seen.current) return;
      seen.current = fromWard.length;
      casesInMessages(messages).forEach((c) => session.rememberCase(c.code, c.check));
      const loaded = await Promise.all(session.knownCases().map((c) => loadCase(c, lang)));
      const list = loaded.filter(Boolean).sort((a, b) => String(b.updatedAt).localeCompare(String(a.updatedAt)));
      const onPages = new Set(list.flatMap((c) => (c.messages || []).map((m) => m.text)));
      if (startedAfter !== forgotten.current) return;
      setCases(list);
      setChat(messages.filter((m) => m.origin === 'staff' && m.text && !onPages.has(m.text)).reverse());
      setError(null);
    } catch (e) {
      setError(e);
    }
  }, [lang, session]);

  useEffect(() => session.onCasesForgotten(() => {
    forgotten.current++;
    setCases([]);
    setChat([]);
  }), [session]);

  useEffect(() => {
    seen.current = -1;
    load();
    const timer = setInterval(() => load(false), POLL_MS);
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
          {cases.map((c) => <CaseCard key={c.code} item={c} />)}
        </ul>
      )}
      {cases && (
        <section aria-labelledby="staff-messages" className="staff-messages">
          {chat.length > 0 && (
            <>
              <h2 id="staff-messages">{t('chatMessages')}</h2>
              <ul>{chat.map((m) => <StaffMessage key={m.seq} message={m} />)}</ul>
            </>
          )}
          {chat.length === 0 && <h2 id="staff-messages" className="sr-only">{t('staffMessages')}</h2>}
          <div className="actions">
            <Button variant="secondary" fullWidth onClick={load}>{t('refresh')}</Button>
            {cases.length > 0 && <Button variant="secondary" fullWidth onClick={() => navigate('/ask')}>{t('replyToStaff')}</Button>}
          </div>
        </section>
      )}
    </Page>
  );
}

function StaffMessage({ message }) {
  const { lang, t } = useApp();
  return (
    <li className="panel msg-staff">
      <p className="who">{t('staff')} · {formatDate(message.at, lang)}</p>
      <div className="msg-text"><Paragraphs text={message.text} /></div>
    </li>
  );
}

function CaseCard({ item }) {
  const { lang, t } = useApp();
  const messages = [...(item.messages || [])].reverse(); // newest first, as in the chat list
  const day = item.appointmentDay ? formatDay(item.appointmentDay, lang) : '';
  return (
    <li className="panel case" data-case={item.code}>
      <p className="case-code">{item.code}</p>
      {item.procedureName && <p className="lead">{item.procedureName}</p>}
      <dl>
        <div><dt>{t('status')}</dt><dd className={`status status-${item.status}`}>{t(`status_${item.status}`)}</dd></div>
        {item.full && (
          <div><dt>{t('appointmentDay')}</dt>
            <dd className="appointment-day" data-day={item.appointmentDay || ''}>{day || t('noAppointment')}</dd></div>
        )}
        {item.office?.where && <div><dt>{t('where')}</dt><dd>{item.office.where}</dd></div>}
        {item.updatedAt && <div><dt>{t('updated')}</dt><dd>{formatDate(item.updatedAt, lang)}</dd></div>}
      </dl>
      {item.bring && (item.bring.items?.length > 0 || item.bring.text) && (
        <details className="bring">
          <summary>{t('bring')}</summary>
          {item.bring.items?.length > 0
            ? <ul className="items">{item.bring.items.map((x, i) => <li key={i}>{x}</li>)}</ul>
            : <Paragraphs text={item.bring.text} />}
        </details>
      )}
      {messages.length > 0 && (
        <div className="case-messages">
          <h2 className="case-messages-title">{t('caseMessages')}</h2>
          <ul>{messages.map((m, i) => <StaffMessage key={i} message={m} />)}</ul>
        </div>
      )}
    </li>
  );
}
