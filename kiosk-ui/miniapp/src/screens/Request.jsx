import { useEffect, useState } from 'react';
import { Button, Page, useLocation, useNavigate, useParams } from 'zmp-ui';
import { api } from '../api.js';
import { useApp } from '../context.js';
import { zaloPhoneToken } from '../sdk/zalo.js';
import { EngineButton, Failure, Heading, Loading, Paragraphs } from '../ui.jsx';

const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];

/** What an engine button does on the consent and summary screens, from its action name. */
export function classify(button) {
  const a = String(button.action || '');
  if (a === 'consent:decline') return 'decline';
  if (a === 'consent:agree') return 'agree';
  if (a === 'consent:full') return 'full';
  if (a.startsWith('edit:')) return 'edit';
  if (a === 'confirm') return 'confirm';
  return 'other';
}

/** Next working days from tomorrow, by the office's weekly hours (a day with no hours is closed). */
export function workingDays(office, lang, count = 6, now = new Date()) {
  const hours = office?.hours;
  const open = (d) => (hours && Array.isArray(hours[WEEKDAYS[d.getDay()]]) ? hours[WEEKDAYS[d.getDay()]].length > 0 : d.getDay() % 6 !== 0);
  const closed = new Set((office?.upcomingClosures || []).map((c) => c.date));
  const [y, m, day] = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' }).format(now).split('-').map(Number);
  const weekday = new Intl.DateTimeFormat(lang === 'vi' ? 'vi-VN' : 'en-GB', { weekday: 'long' });
  const days = [];
  for (let i = 1; days.length < count && i < 40; i++) {
    const d = new Date(y, m - 1, day + i);
    const iso = `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
    if (!open(d) || closed.has(iso)) continue;
    const value = iso.split('-').reverse().join('/');
    const name = weekday.format(d);
    days.push({ value, weekday: name.charAt(0).toUpperCase() + name.slice(1), tomorrow: i === 1 });
  }
  return days;
}

function Consent({ response, onAction, busy }) {
  const { t } = useApp();
  const buttons = (response.replies || []).flatMap((r) => r.buttons || []);
  const agree = buttons.find((b) => classify(b) === 'agree');
  const decline = buttons.find((b) => classify(b) === 'decline');
  const rest = buttons.filter((b) => b !== agree && b !== decline);
  return (
    <>
      <Heading>{t('privacyTitle')}</Heading>
      {/* Scrolls when long: focusable so a keyboard can scroll it too. */}
      <div className="panel notice" tabIndex={0} role="region" aria-label={t('privacyTitle')}>
        {(response.replies || []).map((r, i) => <Paragraphs key={i} text={r.text} />)}
      </div>
      {/* Agreeing and declining are equally easy: same size, same weight, side by side. */}
      <div className="choice-pair">
        {agree && <EngineButton button={agree} onAction={onAction} disabled={busy} />}
        {decline && <EngineButton button={decline} onAction={onAction} disabled={busy} />}
      </div>
      {rest.map((b) => <EngineButton key={b.action} button={b} onAction={onAction} variant="tertiary" disabled={busy} />)}
    </>
  );
}

function Field({ response, onAction, onText, busy }) {
  const { t, lang, office, session } = useApp();
  const expecting = response.expecting;
  const [value, setValue] = useState('');
  const [phoneProblem, setPhoneProblem] = useState('');
  const [askingZalo, setAskingZalo] = useState(false);
  useEffect(() => { setValue(''); setPhoneProblem(''); }, [expecting.field]);
  const others = (response.replies || []).flatMap((r) => r.buttons || []).filter((b) => !b.action.startsWith('choice:'));
  const describedBy = ['purpose', expecting.error ? 'field-error' : ''].filter(Boolean).join(' ');

  async function useZaloNumber() {
    // Only here — inside a request, after consent, on the phone field, on the citizen's tap — does the app ask Zalo.
    setAskingZalo(true);
    setPhoneProblem('');
    try {
      const token = await zaloPhoneToken();
      if (!token) throw new Error('refused');
      const { number } = await api.phoneNumber(session.zaloToken(), token);
      setValue(number);
    } catch (e) {
      setPhoneProblem(t('zaloPhoneFailed'));
    } finally {
      setAskingZalo(false);
    }
  }

  let input;
  if ((expecting.choices || []).length) {
    input = (
      <div className="choices" role="group" aria-labelledby="question">
        {expecting.choices.map((c) => (
          <Button key={c.value} variant="secondary" fullWidth disabled={busy} onClick={() => onAction(`choice:${c.value}`)}>{c.label}</Button>
        ))}
      </div>
    );
  } else if (expecting.type === 'date') {
    input = (
      <div className="choices" role="group" aria-label={t('dateLabel')}>
        {workingDays(office, lang).map((d) => (
          <Button key={d.value} variant="secondary" fullWidth disabled={busy} onClick={() => onText(d.value)}>
            {`${d.tomorrow ? `${t('tomorrow')} · ` : ''}${d.weekday} ${d.value}`}
          </Button>
        ))}
      </div>
    );
  } else {
    const phone = expecting.type === 'phone';
    input = (
      <form className="field" autoComplete="off" onSubmit={(e) => { e.preventDefault(); if (value.trim()) onText(value.trim()); }}>
        <label htmlFor="answer">{phone ? t('phoneLabel') : t('answer')}</label>
        <input id="answer" type={phone ? 'tel' : 'text'} inputMode={phone ? 'tel' : 'text'} value={value}
          maxLength={phone ? 16 : expecting.type === 'name' ? 80 : 300} aria-describedby={describedBy}
          autoCapitalize={expecting.type === 'name' ? 'words' : 'sentences'} onChange={(e) => setValue(e.target.value)} />
        {phone && session.zaloToken() && (
          <div className="zalo-phone">
            <Button variant="secondary" fullWidth id="zalo-phone" loading={askingZalo} disabled={askingZalo || busy} onClick={useZaloNumber}>
              {t('useZaloPhone')}
            </Button>
            <p className="hint">{t('zaloPhoneHint')}</p>
          </div>
        )}
        {phoneProblem && <p className="error" role="alert">{phoneProblem}</p>}
        <Button htmlType="submit" fullWidth disabled={busy || !value.trim()} loading={busy}>{t('next')}</Button>
      </form>
    );
  }
  return (
    <>
      <Heading id="question">{expecting.question}</Heading>
      {expecting.purpose && <p className="purpose" id="purpose">{t('why', { purpose: expecting.purpose })}</p>}
      {expecting.error && <p className="error" id="field-error" role="alert">{expecting.error}</p>}
      {input}
      {others.map((b) => <EngineButton key={b.action} button={b} onAction={onAction} variant="tertiary" disabled={busy} />)}
    </>
  );
}

function Summary({ response, onAction, busy }) {
  const { t } = useApp();
  const buttons = (response.replies || []).flatMap((r) => r.buttons || []);
  const confirm = buttons.filter((b) => classify(b) === 'confirm');
  const rest = buttons.filter((b) => classify(b) !== 'confirm');
  return (
    <>
      <Heading>{t('summary')}</Heading>
      <div className="panel summary">{(response.replies || []).map((r, i) => <Paragraphs key={i} text={r.text} />)}</div>
      {confirm.map((b) => <EngineButton key={b.action} button={b} onAction={onAction} variant="primary" disabled={busy} />)}
      <div className="edits">{rest.map((b) => <EngineButton key={b.action} button={b} onAction={onAction} variant="tertiary" disabled={busy} />)}</div>
    </>
  );
}

function Outcome({ response, caseCode, declined }) {
  const { t } = useApp();
  const navigate = useNavigate();
  return (
    <>
      <Heading>{caseCode ? t('sent') : declined ? t('declinedTitle') : t('requestTitle')}</Heading>
      {caseCode && (
        <div className="panel ticket">
          <p className="code-label">{t('caseCode')}</p>
          <p className="case-code" id="case-code">{caseCode}</p>
        </div>
      )}
      <div className="panel">{(response.replies || []).map((r, i) => <Paragraphs key={i} text={r.text} />)}</div>
      {caseCode && <Button fullWidth onClick={() => navigate('/cases')} id="see-cases">{t('seeMyCases')}</Button>}
      <Button fullWidth variant="secondary" onClick={() => navigate('/ask')}>{t('askTitle')}</Button>
    </>
  );
}

/** A request: the privacy notice and consent first, then one field per screen, the summary, and the case code. */
export function Request() {
  const { id } = useParams();
  const location = useLocation();
  const { lang, t, session } = useApp();
  const navigate = useNavigate();
  const [response, setResponse] = useState(location.state?.response || null);
  const [lastAction, setLastAction] = useState(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState(null);

  async function converse(payload) {
    setBusy(true);
    setError(null);
    setLastAction(payload.action || null);
    try {
      setResponse(await session.send(payload, lang));
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }

  useEffect(() => {
    if (!response && id !== '_') converse({ action: `start:${id}` });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [id]);

  function onAction(action) {
    if (action === 'receipt') return navigate('/privacy');
    const start = /^start:(.+)$/.exec(action);
    if (start && start[1] !== id) return navigate(`/request/${start[1]}`, { replace: true });
    return converse({ action });
  }

  let body;
  if (error && !response) body = <Failure error={error} onRetry={() => converse({ action: `start:${id}` })} />;
  else if (!response) body = <Loading />;
  else if (response.state === 'consent') body = <Consent response={response} onAction={onAction} busy={busy} />;
  else if (response.state === 'intake' && response.expecting) {
    body = <Field response={response} onAction={onAction} onText={(text) => converse({ text })} busy={busy} />;
  } else if (response.state === 'confirm') body = <Summary response={response} onAction={onAction} busy={busy} />;
  else body = <Outcome response={response} caseCode={lastAction === 'confirm' ? response.caseCode : null} declined={lastAction === 'consent:decline'} />;

  return (
    <Page className="page" name="request">
      <p className="eyebrow">{t('requestTitle')}</p>
      {body}
      {error && response && <Failure error={error} />}
    </Page>
  );
}
