// WardDesk kiosk: wires the events of every screen and starts the app. Plain ES modules, no build step:
// config, state, dom, router, conversation, reset (idle), keypad, keyboard and one module per screen.
//
// Privacy on a shared screen: personal data only ever lives in the DOM of the current screen and in the
// engine's replies held while that screen is shown. Navigation uses history.replaceState, so the browser's
// back stack never holds a previous citizen's screens; a reset (idle timeout or "Finish") wipes the rest.

import { t, setLang } from './i18n.js';
import { state } from './state.js';
import { main, showBanner, onScreen } from './dom.js';
import { route, go, render, lastRendered } from './router.js';
import { office, casePrefix } from './office.js';
import { renderHeader } from './header.js';
import { converse, engineAction, showResponse } from './conversation.js';
import { showAspect } from './screens/procedure.js';
import { askText } from './screens/ask.js';
import { renderCaseEntry, caseKey, caseDigitsFrom, caseDigitsComplete, formatCase } from './screens/case.js';
import { typeIntoField } from './keypad.js';
import { pressKey } from './keyboard.js';
import { confirmCancel } from './screens/request.js';
import { armIdle, resetAll } from './reset.js';
import { IDLE_SECONDS, COUNTDOWN_SECONDS } from './config.js';
import { checkDevice } from './device.js';
import { renderPair, submitPair, PAIR_CODE_LENGTH } from './screens/pair.js';

onScreen(armIdle);

// The skip link moves focus to the content without changing the route (a listener: the CSP allows no inline handler).
document.querySelector('a.skip')?.addEventListener('click', (event) => { event.preventDefault(); main.focus(); });

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
  if (d.vk !== undefined) return pressKey(el);
  if (d.cancelRequest !== undefined) return confirmCancel();
  if (d.cancelConfirm !== undefined) return resetAll(); // the server session ends: the unsent request is erased
  if (d.cancelDismiss !== undefined) {
    el.closest('.cancel-confirm').remove();
    return undefined;
  }
  if (d.consentText) return converse({ text: d.consentText === 'agree' ? t('agree') : t('decline') }, 'request');
  if (d.answer !== undefined) {
    state.chosenDay = d.answer;
    return converse({ text: d.answer }, 'request');
  }
  if (d.tab) return showAspect(d.tab);
  if (d.key) {
    const pad = el.closest('[data-keypad]');
    if (pad && pad.dataset.keypad === 'case') return caseKey(d.key);
    if (pad && pad.dataset.keypad === 'pair') return typeIntoField(document.getElementById('pair-input'), d.key, PAIR_CODE_LENGTH);
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
  if (form.dataset.pairForm !== undefined) return submitPair(() => go('#/'));
  if (form.id === 'composer') return askText(document.getElementById('question').value);
  if (form.dataset.fieldForm !== undefined) {
    const value = document.getElementById('answer').value.trim();
    if (state.typed) state.typed.value = value;
    if (value) converse({ text: value }, 'request');
    return;
  }
  if (form.dataset.caseForm !== undefined) {
    if (!caseDigitsComplete(state.caseDigits)) return renderCaseEntry(t('caseInvalid', { prefix: casePrefix() }));
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
  if (location.hash !== lastRendered()) {
    // Opened from outside (QR link, typed): keep a single history entry all the same.
    history.replaceState(null, '', location.pathname + location.search + location.hash);
    render();
  }
});
// A request answered "this kiosk is not paired" (revoked by an admin): back to the pairing screen.
window.addEventListener('warddesk:unpaired', () => renderPair());
window.addEventListener('offline', () => showBanner(t('reconnecting')));
window.addEventListener('online', () => showBanner(''));

if ('serviceWorker' in navigator) {
  navigator.serviceWorker.register('sw.js', { scope: './' }).catch(() => { /* the kiosk works without it */ });
}

// Test hook: lets the browser tests wait for the app without reading private state.
window.warddeskKiosk = { idleSeconds: IDLE_SECONDS, countdownSeconds: COUNTDOWN_SECONDS, reset: resetAll };

setLang('vi');
// The ward (paired, or ?ward=) first; then the screen and, at the same time, that ward's office, whose name the top bar
// shows (never the default ward's). The name fills the bar's fixed-basis slot, so it moves nothing (CLS 0).
checkDevice().then(() => {
  office().then(renderHeader).catch(() => {});
  render();
});
