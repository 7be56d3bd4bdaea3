import { useEffect, useRef, useState } from 'react';
import { Button, Page, useLocation, useNavigate } from 'zmp-ui';
import { api } from '../api.js';
import { useApp } from '../context.js';
import { EngineButton, Failure, Heading, Paragraphs } from '../ui.jsx';

const POLL_MS = 4000;

/** Questions in the citizen's own words: the same conversation API as the kiosk, with the engine's buttons. */
export function Ask() {
  const { lang, t, session } = useApp();
  const navigate = useNavigate();
  const location = useLocation();
  const about = location.state?.about;
  const [entries, setEntries] = useState([]);
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState(null);
  const [handedOff, setHandedOff] = useState(false);
  const seq = useRef(0);

  const add = (entry) => setEntries((list) => [...list, { key: `${Date.now()}-${Math.random()}`, ...entry }]);
  const addReplies = (response) => (response?.replies || []).forEach((r) => add({ who: 'bot', text: r.text, buttons: r.buttons }));

  useEffect(() => {
    let live = true;
    session.conversation(lang).then(async (c) => {
      const greeting = session.takeGreeting();
      if (!live) return;
      if (greeting) addReplies(greeting);
      // Only staff messages written from now on are appended by the poll below.
      const { messages } = await api.messagesAfter(c, 0);
      seq.current = messages.reduce((m, x) => Math.max(m, x.seq), 0);
      if (live && about) add({ who: 'bot', text: about.name, buttons: [] });
    }).catch((e) => live && setError(e));
    return () => { live = false; };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  useEffect(() => {
    if (!handedOff) return undefined;
    const timer = setInterval(async () => {
      const c = session.current();
      if (!c) return;
      try {
        const { messages } = await api.messagesAfter(c, seq.current);
        messages.forEach((m) => {
          seq.current = Math.max(seq.current, m.seq);
          if (m.origin === 'staff' && m.text) add({ who: 'staff', text: m.text });
        });
      } catch (e) { /* next tick */ }
    }, POLL_MS);
    return () => clearInterval(timer);
  }, [handedOff, session]);

  async function converse(payload, shown) {
    if (busy) return;
    setBusy(true);
    setError(null);
    add({ who: 'you', text: shown });
    try {
      const response = await session.send(payload, lang);
      addReplies(response);
      setHandedOff(response.state === 'handed_off');
      if (['consent', 'intake', 'confirm'].includes(response.state)) navigate(`/request/_`, { state: { response } });
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }

  function onAction(action, label) {
    const start = /^start:(.+)$/.exec(action);
    if (start) return navigate(`/request/${start[1]}`);
    if (action === 'receipt' || action === 'mydata' || action === 'erase') return navigate('/privacy');
    return converse({ action }, label);
  }

  function submit(e) {
    e.preventDefault();
    const value = text.trim();
    if (!value) return;
    setText('');
    converse({ text: value }, value);
  }

  return (
    <Page className="page" name="ask">
      <Heading>{t('askTitle')}</Heading>
      <p className="hint">{t('askHint')}</p>
      <div className="chat" role="log" aria-live="polite" aria-label={t('askTitle')}>
        {entries.map((entry) => (
          <div key={entry.key} className={`msg msg-${entry.who}`}>
            <span className="who">{t(entry.who)}</span>
            <div className="msg-text"><Paragraphs text={entry.text} /></div>
            {(entry.buttons || []).length > 0 && (
              <div className="msg-buttons">
                {entry.buttons.map((b) => <EngineButton key={b.action} button={b} onAction={onAction} disabled={busy} />)}
              </div>
            )}
          </div>
        ))}
      </div>
      {error && <Failure error={error} />}
      <form className="composer" onSubmit={submit} autoComplete="off">
        <label htmlFor="question">{t('askLabel')}</label>
        <div className="composer-row">
          <input id="question" type="text" value={text} maxLength={2000} placeholder={t('askPlaceholder')}
            onChange={(e) => setText(e.target.value)} />
          <Button htmlType="submit" loading={busy} disabled={busy}>{t('send')}</Button>
        </div>
      </form>
    </Page>
  );
}
