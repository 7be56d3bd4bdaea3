// Check my case: the case code on a keypad, then its status.
import { api } from '../api.js';
import { t, lang } from '../i18n.js';
import { icon } from '../icons.js';
import { state } from '../state.js';
import { esc, screen, loading, failure, backButton } from '../dom.js';
import { setHash } from '../router.js';
import { keypad } from '../keypad.js';
import { WARD_TIME_ZONE } from '../config.js';
import { casePrefix } from '../office.js';

// Case codes: PREFIX-YYYY-NNNNNNN-NNNNNNN (13 random digits + a check digit); older codes PREFIX-YYYY-NNNNNNN.
const CASE_DIGITS = 4 + 14;
const CASE_CODE = /^[A-Z]{1,5}-\d{4}-\d{7}(-\d{7})?$/;

/** True when the digits typed make a whole code: year + 14 digits, or year + 7 for a code issued before. */
export function caseDigitsComplete(digits) {
  return digits.length === CASE_DIGITS || digits.length === 4 + 7;
}

export function formatCase(digits) {
  const year = digits.slice(0, 4);
  const first = digits.slice(4, 11);
  const second = digits.slice(11);
  return `${casePrefix()}-${year}${first ? `-${first}` : ''}${second ? `-${second}` : ''}`;
}

export function renderCaseEntry(message = '') {
  screen(`
    ${backButton('#/')}
    <h1>${esc(t('caseTitle'))}</h1>
    <form class="field with-keypad case-entry" data-case-form autocomplete="off">
      <label for="case-input" class="field-label">${esc(t('caseEnter'))}</label>
      <input id="case-input" class="big-input mono" type="text" inputmode="none" autocomplete="off" spellcheck="false"
        value="${esc(formatCase(state.caseDigits))}" aria-describedby="case-help${message ? ' case-error' : ''}">
      <p class="hint" id="case-help">${esc(t('caseInvalid', { prefix: casePrefix() }))}</p>
      ${message ? `<p class="error" id="case-error" role="alert">${esc(message)}</p>` : ''}
      ${keypad('case')}
      <button class="btn btn-primary btn-big" type="submit">${icon('search')}<span>${esc(t('caseCheck'))}</span></button>
    </form>`);
}

export function caseDigitsFrom(value) {
  return String(value).replace(/\D/g, '').slice(0, CASE_DIGITS);
}

export async function renderCaseStatus(code) {
  loading();
  const normalized = String(code).toUpperCase().trim();
  if (!CASE_CODE.test(normalized)) {
    state.caseDigits = caseDigitsFrom(normalized);
    setHash('#/case');
    renderCaseEntry(t('caseInvalid', { prefix: casePrefix() }));
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

export function caseKey(key) {
  if (key === 'back') state.caseDigits = state.caseDigits.slice(0, -1);
  else if (key === 'clear') state.caseDigits = '';
  else if (/^\d$/.test(key) && state.caseDigits.length < CASE_DIGITS) state.caseDigits += key;
  const input = document.getElementById('case-input');
  if (input) input.value = formatCase(state.caseDigits);
}
