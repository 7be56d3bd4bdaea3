// Hash router: #/<screen>/<argument>. Navigation replaces the history entry (no back stack of citizens).
import { state } from './state.js';
import { renderHeader } from './header.js';
import { renderHome } from './screens/home.js';
import { renderProcedure } from './screens/procedure.js';
import { renderAsk } from './screens/ask.js';
import { renderRequestStart } from './screens/request.js';
import { renderTicket } from './screens/ticket.js';
import { renderCaseEntry, renderCaseStatus } from './screens/case.js';
import { stopPolling } from './conversation.js';
import { device } from './device.js';
import { office } from './office.js';
import { renderPair } from './screens/pair.js';

export function route() {
  const parts = (location.hash || '#/').replace(/^#\/?/, '').split('/').map(decodeURIComponent);
  return { name: parts[0] || 'home', arg: parts[1] || '' };
}

/** Navigates without adding a history entry (see the file comment), then renders. */
export function go(hash) {
  setHash(hash);
  render();
}

export function setHash(hash) {
  history.replaceState(null, '', location.pathname + location.search + hash);
}

let lastRoute = '';

/** The hash the router last drew (a hashchange to anything else came from outside). */
export function lastRendered() {
  return lastRoute;
}

export async function render() {
  const { name, arg } = route();
  if (name !== 'ask') {
    state.chatEntries = []; // the transcript belongs to the Ask screen only
    stopPolling();
  }
  if (name !== 'case') state.caseDigits = '';
  if (name !== 'request') state.lastResponse = null;
  lastRoute = location.hash;
  renderHeader();
  if (device.pairingNeeded) return renderPair(); // nothing else until a ward admin pairs this kiosk
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
      // The keypad types the ward's case prefix, which comes with its office.
      return arg ? renderCaseStatus(arg) : office().catch(() => null).then(() => {
        if (route().name === 'case' && !route().arg) renderCaseEntry();
      });
    default:
      if (location.hash !== '#/') setHash('#/');
      return renderHome();
  }
}
