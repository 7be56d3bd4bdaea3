// WardDesk kiosk: hash router, screens, idle reset. Plain ES modules, no build step.
//
// Privacy on a shared screen: personal data only ever lives in the DOM of the current screen and in the
// engine's replies held while that screen is shown. Navigation uses history.replaceState, so the browser's
// back stack never holds a previous citizen's screens; a reset (idle timeout or "Finish") wipes the rest.

import { api, ApiError } from './api.js';
import { t, list, lang, setLang, other } from './i18n.js';
import { icon } from './icons.js';

const SHELL_CACHE = 'warddesk-kiosk-shell-v1';
const ASPECT_TABS = ['documents', 'fee', 'processing_time', 'eligibility', 'online'];
const REQUEST_STATES = ['consent', 'intake', 'confirm'];
const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];

const main = document.getElementById('main');
// The skip link moves focus to the content (a listener here: the CSP allows no inline handlers).
document.querySelector('a.skip')?.addEventListener('click', (event) => { event.preventDefault(); main.focus(); });
const banner = document.getElementById('banner');
const idleDialog = document.getElementById('idle-dialog');

const params = new URLSearchParams(location.search);
const IDLE_SECONDS = positive(params.get('idle')) || positive(document.documentElement.dataset.idleSeconds) || 60;
const COUNTDOWN_SECONDS = positive(params.get('countdown')) || 10;
const WARD_TIME_ZONE = document.documentElement.dataset.timeZone || 'Asia/Ho_Chi_Minh';
const CASE_PREFIX = (document.documentElement.dataset.casePrefix || 'PH').toUpperCase();

function positive(value) {
  const n = Number(value);
  return Number.isFinite(n) && n > 0 ? n : 0;
}

function freshState() {
  return {
    conversation: null, // {id, token}: not personal, but tied to this citizen's session
    convState: null,
    procedureId: null, // procedure of the request in progress
    procedure: null, // detail of the procedure on screen (catalog content, not personal)
    office: null,
    chatEntries: [], // the Ask screen's transcript; dropped when that screen is left
    askContext: null,
    staffSeq: 0,
    caseDigits: '',
    lastAction: null,
    lastResponse: null, // the engine's last reply on the request screen (may hold the summary)
    knownCase: null, // case code of this conversation, once the engine has opened one
    largeText: false,
    busy: false,
  };
}

let state = freshState();
let pollTimer = null;

// ---------- helpers ----------

function esc(value) {
  return String(value ?? '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);
}

function paragraphs(text) {
  return String(text || '')
    .split(/\n{2,}|\n/)
    .filter((p) => p.trim())
    .map((p) => `<p>${esc(p)}</p>`)
    .join('');
}

function route() {
  const parts = (location.hash || '#/').replace(/^#\/?/, '').split('/').map(decodeURIComponent);
  return { name: parts[0] || 'home', arg: parts[1] || '' };
}

/** Navigates without adding a history entry (see the file comment), then renders. */
function go(hash) {
  setHash(hash);
  render();
}

function setHash(hash) {
  history.replaceState(null, '', location.pathname + location.search + hash);
}

function showBanner(message) {
  banner.textContent = message || '';
  banner.hidden = !message;
}

function screen(html, { focus = true } = {}) {
  main.innerHTML = html;
  if (focus) {
    const heading = main.querySelector('h1');
    if (heading) {
      heading.setAttribute('tabindex', '-1');
      heading.focus({ preventScroll: true });
    }
  }
  window.scrollTo(0, 0);
  armIdle();
}

function loading() {
  main.innerHTML = `<p class="loading" role="status">${esc(t('loading'))}</p>`;
}

function failure(error, retryHash) {
  const offline = error instanceof ApiError && error.offline;
  if (offline) showBanner(t('reconnecting'));
  screen(`<section class="panel">
      <h1>${esc(offline ? t('reconnecting') : t('loadFailed'))}</h1>
      <div class="row">
        <button class="btn btn-primary" data-go="${esc(retryHash || location.hash || '#/')}">${esc(t('retry'))}</button>
        <button class="btn" data-go="#/">${icon('home')}<span>${esc(t('home'))}</span></button>
      </div></section>`);
}

function backButton(hash = '#/') {
  return `<button class="btn btn-back" data-go="${esc(hash)}">${icon('back')}<span>${esc(t('back'))}</span></button>`;
}

async function office() {
  if (!state.office || state.office.locale !== lang()) {
    const data = await api.office(lang());
    state.office = { ...data, locale: lang() };
  }
  return state.office;
}

// ---------- header ----------

function renderHeader() {
  const header = document.getElementById('topbar');
  const isHome = route().name === 'home';
  header.innerHTML = `
    <button class="btn btn-flat" data-go="#/" ${isHome ? 'aria-current="page"' : ''}>${icon('home')}<span>${esc(t('home'))}</span></button>
    <span class="brand" id="brand">${esc(state.office ? state.office.name : 'WardDesk')}</span>
    <div class="tools">
      <div class="segmented" role="group" aria-label="Ngôn ngữ / Language">
        <button class="btn btn-seg" lang="vi" data-lang="vi" aria-pressed="${lang() === 'vi'}">Tiếng Việt</button>
        <button class="btn btn-seg" lang="en" data-lang="en" aria-pressed="${lang() === 'en'}">English</button>
      </div>
      <button class="btn btn-seg" data-large-text aria-pressed="${state.largeText}">${icon('text')}<span>${esc(t('largerText'))}</span></button>
    </div>`;
}

// ---------- screens ----------

async function renderHome() {
  state.procedure = null;
  loading();
  let procedures;
  let officeInfo = null;
  try {
    [procedures, officeInfo] = await Promise.all([api.procedures(lang()), office().catch(() => null)]);
  } catch (e) {
    failure(e, '#/');
    return;
  }
  showBanner('');
  renderHeader();
  const otherLang = other();
  const status = officeInfo
    ? `<p class="office-status ${officeInfo.openNow ? 'open' : 'closed'}">${icon('clock')}
         <strong>${esc(officeInfo.status || (officeInfo.openNow ? t('officeOpen') : t('officeClosed')))}</strong></p>`
    : '';
  screen(`
    <section class="hero">
      <h1>${esc(t('greeting'))} <span class="sub">${esc(t('greetingSub'))}</span></h1>
      ${status}
    </section>
    <div class="main-actions">
      <button class="tile tile-accent" data-go="#/ask">${icon('chat', 'icon icon-lg')}
        <span class="tile-text"><span class="tile-title">${esc(t('ask'))}</span>
        <span class="tile-sub" lang="${otherLang}">${esc(t('ask', {}, otherLang))}</span></span></button>
      <button class="tile tile-accent" data-go="#/case">${icon('search', 'icon icon-lg')}
        <span class="tile-text"><span class="tile-title">${esc(t('checkCase'))}</span>
        <span class="tile-sub" lang="${otherLang}">${esc(t('checkCase', {}, otherLang))}</span></span></button>
    </div>
    <h2>${esc(t('procedures'))}</h2>
    <ul class="tiles" role="list">
      ${procedures.map((p) => `<li><button class="tile" data-go="#/procedure/${esc(p.id)}" data-procedure="${esc(p.id)}">
          ${icon(p.icon, 'icon icon-lg')}<span class="tile-title">${esc(p.name)}</span></button></li>`).join('')}
    </ul>`);
  if (!performance.getEntriesByName('warddesk:home').length) performance.mark('warddesk:home'); // ./warddesk bench-kiosk
}

async function renderProcedure(id) {
  loading();
  let procedure;
  try {
    procedure = await api.procedure(id, lang());
  } catch (e) {
    if (e.status === 404) return go('#/');
    failure(e);
    return;
  }
  state.procedure = procedure;
  const tabs = ASPECT_TABS.filter((a) => a === 'documents' ? (procedure.documents || []).length || procedure.aspects?.documents : procedure.aspects?.[a]);
  screen(`
    ${backButton('#/')}
    <section class="proc-head">
      ${icon(procedure.icon, 'icon icon-xl')}
      <div><h1>${esc(procedure.name)}</h1><p class="lead">${esc(procedure.summary)}</p>
      ${procedure.reviewed ? '' : `<p class="note">${esc(t('notReviewed'))}</p>`}</div>
    </section>
    <div class="row proc-actions">
      <button class="btn btn-primary btn-big" data-go="#/request/${esc(id)}">${icon('edit')}<span>${esc(t('startRequest'))}</span></button>
      <button class="btn btn-big" data-ask-about="${esc(id)}">${icon('chat')}<span>${esc(t('askAbout'))}</span></button>
    </div>
    <div class="tabs" role="tablist" aria-label="${esc(procedure.name)}">
      ${tabs.map((a, i) => `<button class="tab" role="tab" id="tab-${a}" data-tab="${a}" aria-controls="panel"
          aria-selected="${i === 0}" tabindex="${i === 0 ? 0 : -1}">${esc(t(`aspect_${a}`))}</button>`).join('')}
    </div>
    <section class="panel tabpanel" id="panel" role="tabpanel" aria-labelledby="tab-${tabs[0] || 'documents'}" tabindex="0"></section>`);
  if (tabs.length) showAspect(tabs[0], false);
}

function showAspect(aspect, focusTab = true) {
  const procedure = state.procedure;
  const panel = document.getElementById('panel');
  if (!procedure || !panel) return;
  main.querySelectorAll('[role="tab"]').forEach((tab) => {
    const selected = tab.dataset.tab === aspect;
    tab.setAttribute('aria-selected', String(selected));
    tab.tabIndex = selected ? 0 : -1;
    if (selected && focusTab) tab.focus();
  });
  panel.setAttribute('aria-labelledby', `tab-${aspect}`);
  const answer = procedure.aspects?.[aspect] || {};
  let body = '';
  if (aspect === 'documents' && (procedure.documents || []).length) {
    body = `<h2>${esc(t('aspect_documents'))}</h2><p class="hint">${esc(t('documentsHint'))}</p>
      <ul class="checklist" role="list">${procedure.documents.map((d, i) => `<li><label class="check" for="doc-${i}">
        <input type="checkbox" id="doc-${i}"><span class="check-text"><span>${esc(d.text)}</span>
        <span class="meta">${esc(kindLabel(d.kind))}${d.count ? ` · ${esc(t('count', { n: d.count }))}` : ''}</span>
        ${d.note ? `<span class="meta">${esc(d.note)}</span>` : ''}</span></label></li>`).join('')}</ul>`;
  } else {
    body = `<h2>${esc(t(`aspect_${aspect}`))}</h2>${paragraphs(answer.text)}
      ${(answer.items || []).length ? `<ul class="items">${answer.items.map((it) => `<li>${esc(typeof it === 'string' ? it : it.text)}</li>`).join('')}</ul>` : ''}`;
    if (aspect === 'online' && (procedure.onlineChannels || []).length) {
      body += `<ul class="chips-static" role="list">${procedure.onlineChannels.map((c) => `<li>${icon('check')}<span>${esc(t(`channel_${c}`))}</span></li>`).join('')}</ul>`;
    }
  }
  panel.innerHTML = body;
}

function kindLabel(kind) {
  const label = t(`kind_${kind}`);
  return label === `kind_${kind}` ? kind : label;
}

// ----- Ask -----

function renderAsk() {
  const context = state.askContext;
  const chips = context ? list('chipsProcedure', { name: context.name }) : list('chipsGeneral');
  screen(`
    ${backButton(context ? `#/procedure/${context.id}` : '#/')}
    <h1>${esc(t('askTitle'))}${context ? ` <span class="sub">${esc(context.name)}</span>` : ''}</h1>
    <div class="chat" id="chat" role="log" aria-live="polite" aria-label="${esc(t('askTitle'))}" tabindex="0"></div>
    <form class="composer" id="composer" autocomplete="off">
      <label for="question" class="composer-label">${esc(t('askLabel'))}</label>
      <div class="composer-row">
        <input id="question" name="question" type="text" autocomplete="off" spellcheck="false" placeholder="${esc(t('askPlaceholder'))}" maxlength="500">
        <button class="btn btn-primary" type="submit">${esc(t('send'))}</button>
      </div>
    </form>
    <div class="chips" role="group" aria-label="${esc(t('quickQuestions'))}">
      ${chips.map((c) => `<button class="chip" data-chip="${esc(c)}">${esc(c)}</button>`).join('')}
    </div>`, { focus: false });
  const chat = document.getElementById('chat');
  state.chatEntries.forEach((entry) => appendChat(entry, chat));
  document.getElementById('question').focus();
  startPolling();
}

function appendChat(entry, chat = document.getElementById('chat')) {
  if (!chat) return;
  chat.querySelectorAll('.msg-buttons').forEach((b) => b.remove()); // only the latest buttons stay active
  const who = entry.who;
  const div = document.createElement('div');
  div.className = `msg msg-${who}`;
  const label = document.createElement('span');
  label.className = 'msg-who';
  label.textContent = t(who === 'you' ? 'you' : who);
  const text = document.createElement('div');
  text.className = 'msg-text';
  text.textContent = entry.text;
  div.append(label, text);
  if (entry.buttons && entry.buttons.length) {
    const row = document.createElement('div');
    row.className = 'msg-buttons';
    entry.buttons.forEach((b) => {
      const button = document.createElement('button');
      button.className = 'btn btn-engine';
      button.dataset.engineAction = b.action;
      button.textContent = b.label;
      row.append(button);
    });
    div.append(row);
  }
  chat.append(div);
  chat.scrollTop = chat.scrollHeight;
}

function addChat(entry) {
  state.chatEntries.push(entry);
  appendChat(entry);
}

async function askText(text) {
  const value = text.trim();
  if (!value || state.busy) return;
  addChat({ who: 'you', text: value });
  const input = document.getElementById('question');
  if (input) input.value = '';
  await converse({ text: value }, 'chat');
}

// ----- conversation (chat and request share it) -----

async function ensureConversation() {
  if (!state.conversation) {
    const created = await api.startConversation(lang());
    state.conversation = { id: created.id, token: created.token };
    state.convState = created.state;
  }
  return state.conversation;
}

/** Sends one message to the engine and renders the outcome where it belongs. */
async function converse(payload, origin) {
  if (state.busy) return;
  state.busy = true;
  state.lastAction = payload.action || null;
  main.setAttribute('aria-busy', 'true');
  let response;
  try {
    try {
      response = await api.send(await ensureConversation(), payload, lang());
    } catch (e) {
      // The session ended on the server (expired or deleted): start a new one once.
      if (!(e instanceof ApiError) || ![401, 403, 404, 410].includes(e.status)) throw e;
      state.conversation = null;
      response = await api.send(await ensureConversation(), payload, lang());
    }
    showBanner('');
  } catch (e) {
    const offline = e instanceof ApiError && e.offline;
    if (offline) showBanner(t('reconnecting'));
    if (origin === 'chat') addChat({ who: 'bot', text: offline ? t('reconnecting') : e.message || t('loadFailed') });
    else failure(e);
    return;
  } finally {
    state.busy = false;
    main.removeAttribute('aria-busy');
  }
  afterResponse(response, origin);
}

function afterResponse(response, origin) {
  state.convState = response.state;
  // The engine repeats the conversation's case code on every later reply: only a request just confirmed here
  // leads to the ticket (a hand-off to staff from the chat also opens a case, and the chat goes on).
  const newCase = response.caseCode && response.caseCode !== state.knownCase;
  state.knownCase = response.caseCode || state.knownCase;
  if (newCase && origin === 'request') {
    go(`#/ticket/${response.caseCode}`);
    return;
  }
  if (REQUEST_STATES.includes(response.state)) {
    if (route().name !== 'request') {
      state.chatEntries = [];
      stopPolling();
      setHash(`#/request/${state.procedureId || ''}`);
    }
    showResponse(response);
    return;
  }
  if (origin === 'chat' && route().name === 'ask') {
    (response.replies || []).forEach((r) => addChat({ who: 'bot', text: r.text, buttons: r.buttons }));
    startPolling();
    return;
  }
  showResponse(response);
}

/** Draws a request step or outcome; the response is kept only while its screen is shown. */
function showResponse(response) {
  state.lastResponse = response;
  if (REQUEST_STATES.includes(response.state)) renderRequestStep(response);
  else renderRequestOutcome(response);
}

/** The consent receipt as the engine's printable page, printed from a frame inside the current screen. */
async function printReceipt() {
  if (!state.conversation) return;
  try {
    const html = await api.consentReceipt(state.conversation);
    const frame = document.createElement('iframe');
    frame.className = 'receipt-frame';
    frame.title = t('printReceipt');
    frame.setAttribute('sandbox', 'allow-modals allow-same-origin');
    frame.srcdoc = html;
    frame.onload = () => frame.contentWindow.print();
    main.querySelectorAll('.receipt-frame').forEach((f) => f.remove());
    main.append(frame); // inside the screen: cleared with it
  } catch (e) {
    showBanner(e instanceof ApiError && e.offline ? t('reconnecting') : t('loadFailed'));
  }
}

function engineAction(action) {
  if (action === 'receipt') {
    printReceipt();
    return;
  }
  const start = /^start:(.+)$/.exec(action);
  if (start) {
    go(`#/request/${start[1]}`);
    return;
  }
  const origin = route().name === 'ask' ? 'chat' : 'request';
  if (origin === 'chat') {
    const label = main.querySelector(`[data-engine-action="${CSS.escape(action)}"]`);
    if (label) addChat({ who: 'you', text: label.textContent });
  }
  converse({ action }, origin);
}

function startPolling() {
  stopPolling();
  if (state.convState !== 'handed_off' || !state.conversation) return;
  pollTimer = setInterval(async () => {
    if (route().name !== 'ask' || !state.conversation) return stopPolling();
    try {
      const { messages } = await api.messagesAfter(state.conversation, state.staffSeq);
      (messages || []).forEach((m) => {
        state.staffSeq = Math.max(state.staffSeq, m.seq);
        if (m.origin === 'staff') addChat({ who: 'staff', text: m.text });
      });
    } catch (e) {
      /* next tick tries again */
    }
  }, 4000);
}

function stopPolling() {
  clearInterval(pollTimer);
  pollTimer = null;
}

// ----- Start a request -----

async function renderRequestStart(procedureId) {
  state.procedureId = procedureId;
  loading();
  if (!state.procedure || state.procedure.id !== procedureId) {
    state.procedure = await api.procedure(procedureId, lang()).catch(() => null);
  }
  await converse({ action: `start:${procedureId}` }, 'request');
}

function classify(button) {
  const a = String(button.action || '').toLowerCase();
  if (/(decline|disagree|refuse|reject|deny|consent:no)/.test(a)) return 'decline';
  if (/(agree|accept|consent:yes)/.test(a)) return 'agree';
  if (/(full|notice|read|more)/.test(a)) return 'full';
  if (/^edit:/.test(a)) return 'edit';
  if (/(confirm|submit|send)/.test(a)) return 'confirm';
  return 'other';
}

function engineButton(b, cls = 'btn') {
  return `<button class="${cls}" data-engine-action="${esc(b.action)}">${esc(b.label)}</button>`;
}

function requestHeader() {
  const p = state.procedure;
  return `<p class="eyebrow">${p ? `${icon(p.icon)}<span>${esc(p.name)}</span>` : esc(t('requestTitle'))}</p>`;
}

function renderRequestStep(response) {
  const replies = response.replies || [];
  const buttons = replies.flatMap((r) => r.buttons || []);
  if (response.state === 'consent') return renderConsent(replies, buttons);
  if (response.state === 'intake' && response.expecting) return renderField(response.expecting, replies, buttons);
  return renderSummary(replies, buttons);
}

function renderConsent(replies, buttons) {
  const agree = buttons.find((b) => classify(b) === 'agree');
  const decline = buttons.find((b) => classify(b) === 'decline');
  const full = buttons.find((b) => classify(b) === 'full');
  const others = buttons.filter((b) => ![agree, decline, full].includes(b));
  const text = replies.map((r) => r.text).join('\n\n');
  const long = text.length > 900;
  // Equal size and weight: both use the same class; the grid gives them the same width.
  const agreeButton = agree ? engineButton(agree, 'btn btn-choice') : `<button class="btn btn-choice" data-consent-text="agree">${esc(t('agree'))}</button>`;
  const declineButton = decline ? engineButton(decline, 'btn btn-choice') : `<button class="btn btn-choice" data-consent-text="decline">${esc(t('decline'))}</button>`;
  screen(`
    ${requestHeader()}
    <h1>${esc(long ? t('fullNotice') : t('privacyTitle'))}</h1>
    <div class="panel notice ${long ? 'notice-full' : ''}" ${long ? `tabindex="0" role="region" aria-label="${esc(t('fullNotice'))}"` : ''}>${paragraphs(text)}</div>
    <div class="choice-pair">${agreeButton}${declineButton}</div>
    <div class="row">
      ${full && !long ? engineButton(full, 'btn btn-flat btn-wide') : ''}
      ${others.map((b) => engineButton(b, 'btn btn-flat')).join('')}
    </div>`);
}

function renderField(expecting, replies, buttons) {
  const question = expecting.question || (replies[0] && replies[0].text) || '';
  // The engine's own reply repeats the question, the purpose and the error for text-only channels: show the rest.
  const extra = replies.map((r) => r.text)
    .filter((x) => x && !x.includes(question) && !question.includes(x) && x !== expecting.error);
  buttons = buttons.filter((b) => !/^choice:/.test(b.action));
  const type = expecting.type;
  let input = '';
  if ((expecting.choices || []).length) {
    input = `<div class="tiles tiles-choice" role="group" aria-labelledby="q">${expecting.choices.map((c) =>
      `<button class="tile tile-choice" data-engine-action="choice:${esc(c.value)}">${esc(c.label)}</button>`).join('')}</div>`;
  } else if (type === 'phone') {
    input = `<form class="field with-keypad" data-field-form autocomplete="off">
        <label for="answer" class="field-label">${esc(t('phoneLabel'))}</label>
        <input id="answer" class="big-input" type="tel" inputmode="none" autocomplete="off" maxlength="16" aria-describedby="purpose ${expecting.error ? 'field-error' : ''}">
        ${keypad('phone')}
        <button class="btn btn-primary btn-big" type="submit">${esc(t('next'))}</button>
      </form>`;
  } else if (type === 'date') {
    input = `<div class="tiles tiles-days" role="group" aria-labelledby="q">${workingDays().map((d) =>
      `<button class="tile tile-day" data-answer="${esc(d.value)}"><span class="tile-title">${esc(d.weekday)}</span><span class="tile-sub">${esc(d.label)}</span></button>`).join('')}</div>`;
  } else {
    input = `<form class="field" data-field-form autocomplete="off">
        <input id="answer" class="big-input" type="text" autocomplete="off" autocapitalize="${type === 'name' ? 'words' : 'sentences'}" spellcheck="false" maxlength="${type === 'name' ? 80 : 300}" aria-labelledby="q" aria-describedby="purpose hint ${expecting.error ? 'field-error' : ''}">
        <p class="hint" id="hint">${esc(t('textHint'))}</p>
        <button class="btn btn-primary btn-big" type="submit">${esc(t('next'))}</button>
      </form>`;
  }
  screen(`
    ${requestHeader()}
    ${extra.length ? `<div class="note">${extra.map((x) => paragraphs(x)).join('')}</div>` : ''}
    <h1 id="q">${esc(question)}</h1>
    ${expecting.purpose ? `<p class="purpose" id="purpose">${esc(t('why', { purpose: expecting.purpose }))}</p>` : ''}
    ${expecting.error ? `<p class="error" id="field-error" role="alert">${esc(expecting.error)}</p>` : ''}
    ${input}
    ${buttons.length ? `<div class="row">${buttons.map((b) => engineButton(b, 'btn btn-flat')).join('')}</div>` : ''}`);
  // Straight to the field, so a tablet opens its keyboard (the keypad fields use inputmode=none: no keyboard).
  const field = document.getElementById('answer');
  if (field) field.focus({ preventScroll: true });
}

function keypad(target) {
  const keys = ['1', '2', '3', '4', '5', '6', '7', '8', '9'];
  return `<div class="keypad" role="group" aria-label="${esc(t('keypad'))}" data-keypad="${target}">
    ${keys.map((k) => `<button type="button" class="key" data-key="${k}">${k}</button>`).join('')}
    <button type="button" class="key key-fn" data-key="clear">${esc(t('clear'))}</button>
    <button type="button" class="key" data-key="0">0</button>
    <button type="button" class="key key-fn" data-key="back" aria-label="${esc(t('deleteDigit'))}">${icon('backspace')}</button>
  </div>`;
}

/** Next working days from tomorrow: a day counts when the office has opening hours on that weekday. */
function workingDays(count = 6) {
  const hours = state.office && state.office.hours;
  const open = (date) => {
    const day = WEEKDAYS[date.getDay()];
    if (hours && Array.isArray(hours[day])) return hours[day].length > 0;
    return date.getDay() !== 0 && date.getDay() !== 6;
  };
  const locale = lang() === 'vi' ? 'vi-VN' : 'en-GB';
  const weekday = new Intl.DateTimeFormat(locale, { weekday: 'long' });
  const days = [];
  // "Today" at the ward, whatever the kiosk's clock zone is set to.
  const [y, m, dd0] = new Intl.DateTimeFormat('en-CA', { timeZone: WARD_TIME_ZONE }).format(new Date()).split('-').map(Number);
  for (let i = 1; days.length < count && i < 30; i++) {
    const d = new Date(y, m - 1, dd0 + i);
    if (!open(d)) continue;
    const dd = String(d.getDate()).padStart(2, '0');
    const mm = String(d.getMonth() + 1).padStart(2, '0');
    const name = weekday.format(d);
    days.push({
      value: `${dd}/${mm}/${d.getFullYear()}`,
      weekday: (i === 1 ? `${t('tomorrow')} · ` : '') + name.charAt(0).toUpperCase() + name.slice(1),
      label: `${dd}/${mm}/${d.getFullYear()}`,
    });
  }
  return days;
}

function renderSummary(replies, buttons) {
  const edits = buttons.filter((b) => classify(b) === 'edit');
  const confirm = buttons.filter((b) => classify(b) === 'confirm');
  const others = buttons.filter((b) => !edits.includes(b) && !confirm.includes(b));
  screen(`
    ${requestHeader()}
    <h1>${esc(t('summary'))}</h1>
    <div class="panel summary">${replies.map((r) => paragraphs(r.text)).join('')}</div>
    <div class="row">${confirm.map((b) => engineButton(b, 'btn btn-primary btn-big')).join('')}
      ${others.map((b) => engineButton(b, 'btn btn-big')).join('')}</div>
    ${edits.length ? `<div class="row edits">${edits.map((b) => `<button class="btn" data-engine-action="${esc(b.action)}">${icon('edit')}<span>${esc(b.label)}</span></button>`).join('')}</div>` : ''}`);
}

function renderRequestOutcome(response) {
  const replies = response.replies || [];
  const buttons = replies.flatMap((r) => r.buttons || []).filter((b) => !/^start:/.test(b.action));
  screen(`
    ${requestHeader()}
    <h1>${esc(state.lastAction === 'consent:decline' ? t('declinedTitle') : t('requestTitle'))}</h1>
    <div class="panel">${replies.length ? replies.map((r) => paragraphs(r.text)).join('') : `<p>${esc(t('toDesk'))}</p>`}</div>
    <div class="row">
      ${buttons.map((b) => engineButton(b, 'btn btn-big')).join('')}
      <button class="btn btn-big" data-go="#/ask">${icon('chat')}<span>${esc(t('ask'))}</span></button>
      <button class="btn btn-primary btn-big" data-finish>${icon('home')}<span>${esc(t('finish'))}</span></button>
    </div>`);
}

// ----- Ticket -----

async function renderTicket(code) {
  loading();
  state.lastResponse = null; // the summary is not needed any more
  let documents = [];
  let procedureName = '';
  try {
    const procedureId = state.procedureId || (await api.caseStatus(code, lang())).procedure;
    const procedure = await api.procedure(procedureId, lang());
    documents = procedure.documents || [];
    procedureName = procedure.name;
  } catch (e) {
    /* the ticket still shows the code and the QR code */
  }
  screen(`
    <section class="ticket" aria-labelledby="ticket-title">
      <h1 id="ticket-title">${esc(t('ticketTitle'))}</h1>
      ${procedureName ? `<p class="lead">${esc(procedureName)}</p>` : ''}
      <div class="ticket-main">
        <div>
          <p class="code-label">${esc(t('caseCode'))}</p>
          <p class="case-code" id="case-code">${esc(code)}</p>
          <p class="hint">${esc(t('qrHint'))}</p>
          <p class="next-step">${esc(t('ticketNext'))}</p>
        </div>
        <img class="qr" id="qr" src="${esc(api.qrUrl(code))}" alt="${esc(t('qrAlt', { code }))}" width="220" height="220">
      </div>
      ${documents.length ? `<h2>${esc(t('whatToBring'))}</h2>
        <ul class="bring">${documents.map((d) => `<li>${esc(d.text)} <span class="meta">(${esc(kindLabel(d.kind))}${d.count ? `, ${esc(t('count', { n: d.count }))}` : ''})</span></li>`).join('')}</ul>` : ''}
      <p class="print-only">${esc(state.office ? `${state.office.name} — ${state.office.desk || ''}` : '')}</p>
    </section>
    <div class="row action-bar no-print">
      <button class="btn btn-big" data-print>${icon('print')}<span>${esc(t('print'))}</span></button>
      ${state.conversation ? `<button class="btn btn-big" data-engine-action="receipt">${icon('file')}<span>${esc(t('printReceipt'))}</span></button>` : ''}
      <button class="btn btn-primary btn-big" data-finish>${icon('check')}<span>${esc(t('finish'))}</span></button>
    </div>
    <p class="hint no-print">${esc(t('finishHint'))}</p>`);
}

// ----- Check my case -----

// Case codes: PREFIX-YYYY-NNNNNNN-NNNNNNN (13 random digits + a check digit); older codes PREFIX-YYYY-NNNNNNN.
const CASE_DIGITS = 4 + 14;
const CASE_CODE = /^[A-Z]{1,5}-\d{4}-\d{7}(-\d{7})?$/;

function formatCase(digits) {
  const year = digits.slice(0, 4);
  const first = digits.slice(4, 11);
  const second = digits.slice(11);
  return `${CASE_PREFIX}-${year}${first ? `-${first}` : ''}${second ? `-${second}` : ''}`;
}

function renderCaseEntry(message = '') {
  screen(`
    ${backButton('#/')}
    <h1>${esc(t('caseTitle'))}</h1>
    <form class="field with-keypad case-entry" data-case-form autocomplete="off">
      <label for="case-input" class="field-label">${esc(t('caseEnter'))}</label>
      <input id="case-input" class="big-input mono" type="text" inputmode="none" autocomplete="off" spellcheck="false"
        value="${esc(formatCase(state.caseDigits))}" aria-describedby="case-help${message ? ' case-error' : ''}">
      <p class="hint" id="case-help">${esc(t('caseInvalid', { prefix: CASE_PREFIX }))}</p>
      ${message ? `<p class="error" id="case-error" role="alert">${esc(message)}</p>` : ''}
      ${keypad('case')}
      <button class="btn btn-primary btn-big" type="submit">${icon('search')}<span>${esc(t('caseCheck'))}</span></button>
    </form>`);
}

function caseDigitsFrom(value) {
  return String(value).replace(/\D/g, '').slice(0, CASE_DIGITS);
}

async function renderCaseStatus(code) {
  loading();
  const normalized = String(code).toUpperCase().trim();
  if (!CASE_CODE.test(normalized)) {
    state.caseDigits = caseDigitsFrom(normalized);
    setHash('#/case');
    renderCaseEntry(t('caseInvalid', { prefix: CASE_PREFIX }));
    return;
  }
  let status;
  try {
    status = await api.caseStatus(normalized, lang());
  } catch (e) {
    state.caseDigits = caseDigitsFrom(normalized);
    setHash('#/case');
    if (e.status === 404) return renderCaseEntry(t('caseNotFound'));
    if (e.status === 429) return renderCaseEntry(t('caseTooMany'));
    if (e.status === 400) return renderCaseEntry(t('caseBadCode'));
    failure(e, '#/case');
    return;
  }
  const label = t(`status_${status.status}`);
  const updated = status.updatedAt ? new Date(status.updatedAt) : null;
  screen(`
    ${backButton('#/')}
    <h1>${esc(t('caseTitle'))}</h1>
    <section class="panel case-result">
      <p class="code-label">${esc(t('caseCode'))}</p>
      <p class="case-code">${esc(status.code)}</p>
      <dl>
        <dt>${esc(t('caseStatus'))}</dt><dd class="status status-${esc(status.status)}" id="case-status">${esc(label.startsWith('status_') ? status.status : label)}</dd>
        <dt>${esc(t('caseProcedure'))}</dt><dd>${esc(status.procedureName || status.procedure)}</dd>
        ${updated && !isNaN(updated) ? `<dt>${esc(t('caseUpdated'))}</dt><dd>${esc(updated.toLocaleString(lang() === 'vi' ? 'vi-VN' : 'en-GB', { timeZone: WARD_TIME_ZONE, dateStyle: 'short', timeStyle: 'short' }))}</dd>` : ''}
      </dl>
    </section>
    <div class="row">
      <button class="btn btn-big" data-case-again>${icon('search')}<span>${esc(t('checkAnother'))}</span></button>
      <button class="btn btn-primary btn-big" data-finish>${icon('home')}<span>${esc(t('finish'))}</span></button>
    </div>`);
}

// ---------- router ----------

let lastRoute = '';

async function render() {
  const { name, arg } = route();
  if (name !== 'ask') {
    state.chatEntries = []; // the transcript belongs to the Ask screen only
    stopPolling();
  }
  if (name !== 'case') state.caseDigits = '';
  if (name !== 'request') state.lastResponse = null;
  lastRoute = location.hash;
  renderHeader();
  switch (name) {
    case 'procedure':
      return renderProcedure(arg);
    case 'ask':
      return renderAsk();
    case 'request':
      return arg ? renderRequestStart(arg) : go('#/');
    case 'ticket':
      return arg ? renderTicket(arg) : go('#/');
    case 'case':
      return arg ? renderCaseStatus(arg) : renderCaseEntry();
    default:
      if (location.hash !== '#/') setHash('#/');
      return renderHome();
  }
}

// ---------- reset (idle timeout and "Finish") ----------

function expireCookies() {
  const paths = ['/', location.pathname, location.pathname.replace(/[^/]*$/, '')];
  document.cookie.split(';').map((c) => c.split('=')[0].trim()).filter(Boolean).forEach((name) => {
    paths.forEach((path) => {
      document.cookie = `${name}=; expires=Thu, 01 Jan 1970 00:00:00 GMT; path=${path}`;
    });
  });
}

async function clearBrowserStorage() {
  try { localStorage.clear(); } catch (e) { /* storage disabled */ }
  try { sessionStorage.clear(); } catch (e) { /* storage disabled */ }
  expireCookies();
  const tasks = [];
  if (window.indexedDB && indexedDB.databases) {
    tasks.push(indexedDB.databases().then((dbs) => Promise.all(dbs.map((db) => new Promise((resolve) => {
      const req = indexedDB.deleteDatabase(db.name);
      req.onsuccess = req.onerror = req.onblocked = () => resolve();
    })))).catch(() => {}));
  }
  if (window.caches) {
    // Only the app shell may live in Cache Storage; anything else (or any extra entry) goes.
    tasks.push(caches.keys().then((keys) => Promise.all(keys.map(async (key) => {
      if (key !== SHELL_CACHE) return caches.delete(key);
      const cache = await caches.open(key);
      const requests = await cache.keys();
      return Promise.all(requests.filter((r) => new URL(r.url).pathname.startsWith('/api/')).map((r) => cache.delete(r)));
    }))).catch(() => {}));
  }
  await Promise.all(tasks);
}

async function resetAll() {
  closeIdleDialog();
  stopPolling();
  clearTimeout(idleTimer);
  const conversation = state.conversation;
  state = freshState();
  main.replaceChildren();
  showBanner('');
  document.documentElement.classList.remove('large-text');
  setLang('vi');
  history.replaceState(null, '', location.pathname + location.search + '#/');
  // Resource timings name the URLs fetched (conversation ids, case codes): drop them with the rest.
  if (performance.clearResourceTimings) performance.clearResourceTimings();
  const ending = conversation ? api.endConversation(conversation).catch(() => {}) : Promise.resolve();
  await Promise.all([ending, clearBrowserStorage()]);
  render();
}

// ---------- idle timer ----------

let idleTimer = null;
let countdownTimer = null;

function pristine() {
  return route().name === 'home' && !state.conversation && lang() === 'vi' && !state.largeText;
}

function armIdle() {
  clearTimeout(idleTimer);
  if (idleDialog.open || pristine()) return;
  idleTimer = setTimeout(openIdleDialog, IDLE_SECONDS * 1000);
}

function openIdleDialog() {
  let left = COUNTDOWN_SECONDS;
  const body = document.getElementById('idle-body');
  document.getElementById('idle-title').textContent = t('idleTitle');
  document.getElementById('idle-stay').textContent = t('idleStay');
  document.getElementById('idle-reset').textContent = t('idleReset');
  const tick = () => {
    body.textContent = t('idleBody', { n: left });
    document.getElementById('idle-count').textContent = String(left);
  };
  tick();
  idleDialog.showModal();
  document.getElementById('idle-stay').focus();
  countdownTimer = setInterval(() => {
    left -= 1;
    if (left <= 0) {
      resetAll();
      return;
    }
    tick();
  }, 1000);
}

function closeIdleDialog() {
  clearInterval(countdownTimer);
  countdownTimer = null;
  if (idleDialog.open) idleDialog.close();
}

['pointerdown', 'keydown', 'input', 'wheel', 'touchstart'].forEach((type) =>
  document.addEventListener(type, () => { if (!idleDialog.open) armIdle(); }, { passive: true, capture: true }));

idleDialog.addEventListener('cancel', (e) => { // Escape = "I'm still here"
  e.preventDefault();
  closeIdleDialog();
  armIdle();
});
document.getElementById('idle-stay').addEventListener('click', () => { closeIdleDialog(); armIdle(); });
document.getElementById('idle-reset').addEventListener('click', () => resetAll());

// ---------- events ----------

function typeIntoField(field, key, maxLength) {
  if (!field) return;
  if (key === 'back') field.value = field.value.slice(0, -1);
  else if (key === 'clear') field.value = '';
  else if (field.value.length < maxLength) field.value += key;
}

function caseKey(key) {
  if (key === 'back') state.caseDigits = state.caseDigits.slice(0, -1);
  else if (key === 'clear') state.caseDigits = '';
  else if (/^\d$/.test(key) && state.caseDigits.length < CASE_DIGITS) state.caseDigits += key;
  const input = document.getElementById('case-input');
  if (input) input.value = formatCase(state.caseDigits);
}

document.addEventListener('click', (event) => {
  const el = event.target.closest('button');
  if (!el || el.disabled) return;
  const d = el.dataset;
  if (d.go !== undefined) return go(d.go);
  if (d.lang) {
    setLang(d.lang);
    if (route().name === 'request' && state.lastResponse) {
      // Mid-request: redraw the current step (never restart the request); the engine answers in the new
      // language from the next message on, as every message carries the locale.
      renderHeader();
      showResponse(state.lastResponse);
      return;
    }
    render();
    return;
  }
  if (d.largeText !== undefined) {
    state.largeText = !state.largeText;
    document.documentElement.classList.toggle('large-text', state.largeText);
    el.setAttribute('aria-pressed', String(state.largeText));
    armIdle();
    return;
  }
  if (d.procedure) state.askContext = null;
  if (d.askAbout) {
    state.askContext = state.procedure ? { id: state.procedure.id, name: state.procedure.name } : null;
    return go('#/ask');
  }
  if (d.chip) return askText(d.chip);
  if (d.engineAction) return engineAction(d.engineAction);
  if (d.consentText) return converse({ text: d.consentText === 'agree' ? t('agree') : t('decline') }, 'request');
  if (d.answer !== undefined) return converse({ text: d.answer }, 'request');
  if (d.tab) return showAspect(d.tab);
  if (d.key) {
    const pad = el.closest('[data-keypad]');
    if (pad && pad.dataset.keypad === 'case') return caseKey(d.key);
    return typeIntoField(document.getElementById('answer'), d.key, 16);
  }
  if (d.print !== undefined) return window.print();
  if (d.finish !== undefined) return resetAll();
  if (d.caseAgain !== undefined) {
    state.caseDigits = '';
    return go('#/case');
  }
});

document.addEventListener('submit', (event) => {
  event.preventDefault();
  const form = event.target;
  if (form.id === 'composer') return askText(document.getElementById('question').value);
  if (form.dataset.fieldForm !== undefined) {
    const value = document.getElementById('answer').value.trim();
    if (value) converse({ text: value }, 'request');
    return;
  }
  if (form.dataset.caseForm !== undefined) {
    if (state.caseDigits.length !== 11) return renderCaseEntry(t('caseInvalid', { prefix: CASE_PREFIX }));
    return go(`#/case/${formatCase(state.caseDigits)}`);
  }
});

document.addEventListener('keydown', (event) => {
  // Tabs: arrow keys move between aspects (WAI-ARIA tabs pattern).
  const tab = event.target.closest && event.target.closest('[role="tab"]');
  if (tab && (event.key === 'ArrowRight' || event.key === 'ArrowLeft')) {
    const tabs = [...main.querySelectorAll('[role="tab"]')];
    const i = tabs.indexOf(tab) + (event.key === 'ArrowRight' ? 1 : -1);
    showAspect(tabs[(i + tabs.length) % tabs.length].dataset.tab);
    event.preventDefault();
  }
});

// The case-code field is driven by the keypad; a physical keyboard edits the digits the same way.
document.addEventListener('input', (event) => {
  if (event.target.id === 'case-input') {
    state.caseDigits = caseDigitsFrom(event.target.value);
    event.target.value = formatCase(state.caseDigits);
  }
});

window.addEventListener('hashchange', () => {
  if (location.hash !== lastRoute) {
    // Opened from outside (QR link, typed): keep a single history entry all the same.
    history.replaceState(null, '', location.pathname + location.search + location.hash);
    render();
  }
});
window.addEventListener('offline', () => showBanner(t('reconnecting')));
window.addEventListener('online', () => showBanner(''));

if ('serviceWorker' in navigator) {
  navigator.serviceWorker.register('sw.js', { scope: './' }).catch(() => { /* the kiosk works without it */ });
}

// Test hook: lets the browser tests wait for the app without reading private state.
window.warddeskKiosk = { idleSeconds: IDLE_SECONDS, countdownSeconds: COUNTDOWN_SECONDS, reset: resetAll };

setLang('vi');
office().then(renderHeader).catch(() => {});
render();
