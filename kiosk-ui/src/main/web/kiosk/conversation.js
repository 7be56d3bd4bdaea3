// The conversation with the engine, shared by the Ask chat and the request screens.
import { api, ApiError } from './api.js';
import { t, lang } from './i18n.js';
import { state } from './state.js';
import { main, showBanner, failure } from './dom.js';
import { route, go, setHash } from './router.js';
import { REQUEST_STATES } from './config.js';
import { addChat } from './screens/ask.js';
import { renderRequestStep, renderRequestOutcome } from './screens/request.js';

let pollTimer = null;

export async function ensureConversation() {
  if (!state.conversation) {
    const created = await api.startConversation(lang());
    state.conversation = { id: created.id, token: created.token };
    state.convState = created.state;
  }
  return state.conversation;
}

/** Sends one message to the engine and renders the outcome where it belongs. */
export async function converse(payload, origin) {
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

export function afterResponse(response, origin) {
  state.convState = response.state;
  // The engine repeats the conversation's case code on every later reply: only a request just confirmed here
  // leads to the ticket (a hand-off to staff from the chat also opens a case, and the chat goes on).
  const newCase = response.caseCode && response.caseCode !== state.knownCase;
  state.knownCase = response.caseCode || state.knownCase;
  if (response.caseCheck) state.caseCheck = response.caseCheck; // printed on the slip, opens the case page
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
export function showResponse(response) {
  state.lastResponse = response;
  if (REQUEST_STATES.includes(response.state)) renderRequestStep(response);
  else renderRequestOutcome(response);
}

/** The consent receipt as the engine's printable page, printed from a frame inside the current screen. */
export async function printReceipt() {
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

export function engineAction(action) {
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

export function startPolling() {
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

export function stopPolling() {
  clearInterval(pollTimer);
  pollTimer = null;
}
