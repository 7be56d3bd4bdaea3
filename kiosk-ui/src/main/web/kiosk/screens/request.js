// Start a request: consent, one field per screen, the summary and the outcome.
import { api } from '../api.js';
import { t, lang } from '../i18n.js';
import { icon } from '../icons.js';
import { state } from '../state.js';
import { esc, paragraphs, screen, loading } from '../dom.js';
import { converse } from '../conversation.js';
import { keypad } from '../keypad.js';
import { keyboard } from '../keyboard.js';
import { workingDays } from '../office.js';

export async function renderRequestStart(procedureId) {
  state.procedureId = procedureId;
  loading();
  if (!state.procedure || state.procedure.id !== procedureId) {
    state.procedure = await api.procedure(procedureId, lang()).catch(() => null);
  }
  await converse({ action: `start:${procedureId}` }, 'request');
}

export function classify(button) {
  const a = String(button.action || '').toLowerCase();
  if (/(decline|disagree|refuse|reject|deny|consent:no)/.test(a)) return 'decline';
  if (/(agree|accept|consent:yes)/.test(a)) return 'agree';
  if (/(full|notice|read|more)/.test(a)) return 'full';
  if (/^edit:/.test(a)) return 'edit';
  if (/(confirm|submit|send)/.test(a)) return 'confirm';
  return 'other';
}

export function engineButton(b, cls = 'btn') {
  return `<button class="${cls}" data-engine-action="${esc(b.action)}">${esc(b.label)}</button>`;
}

export function requestHeader() {
  const p = state.procedure;
  return `<p class="eyebrow">${p ? `${icon(p.icon)}<span>${esc(p.name)}</span>` : esc(t('requestTitle'))}</p>`;
}

/** "Step n of total": consent, then each field of the procedure's request, then the summary. */
function progress(step) {
  const fields = (state.procedure && state.procedure.intake) || [];
  if (!fields.length) return '';
  const total = fields.length + 2;
  const n = step === 'consent' ? 1 : step === 'summary' ? total : fields.indexOf(step) + 2;
  if (n < 1) return '';
  return `<p class="progress" id="progress">${esc(t('stepOf', { n, total }))}
    <progress max="${total}" value="${n}" aria-labelledby="progress"></progress></p>`;
}

/** Back (to the previous field, through the engine's edit) and Cancel (asks once, then nothing is kept). */
function stepNavigation(field) {
  const fields = (state.procedure && state.procedure.intake) || [];
  const previous = field ? fields[fields.indexOf(field) - 1] : undefined;
  return `<div class="row step-nav no-print">
    ${previous ? `<button class="btn" data-engine-action="edit:${esc(previous)}">${icon('back')}<span>${esc(t('back'))}</span></button>` : ''}
    <button class="btn btn-flat" data-cancel-request>${esc(t('cancelRequest'))}</button>
  </div>`;
}

/** The citizen confirms once that the request is to be dropped; the caller then resets the kiosk. */
export function confirmCancel() {
  const existing = document.getElementById('cancel-confirm');
  if (existing) return;
  const panel = document.createElement('div');
  panel.className = 'panel cancel-confirm';
  panel.id = 'cancel-confirm';
  panel.setAttribute('role', 'alertdialog');
  panel.setAttribute('aria-labelledby', 'cancel-title');
  panel.innerHTML = `<h2 id="cancel-title">${esc(t('cancelAsk'))}</h2>
    <div class="choice-pair">
      <button class="btn btn-choice" data-cancel-confirm>${esc(t('cancelYes'))}</button>
      <button class="btn btn-choice" data-cancel-dismiss>${esc(t('cancelNo'))}</button>
    </div>`;
  document.getElementById('main').append(panel);
  panel.querySelector('[data-cancel-dismiss]').focus();
}

export function renderRequestStep(response) {
  const replies = response.replies || [];
  const buttons = replies.flatMap((r) => r.buttons || []);
  if (response.state === 'consent') return renderConsent(replies, buttons);
  if (response.state === 'intake' && response.expecting) return renderField(response.expecting, replies, buttons);
  return renderSummary(replies, buttons);
}

export function renderConsent(replies, buttons) {
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
    ${progress('consent')}
    <h1>${esc(long ? t('fullNotice') : t('privacyTitle'))}</h1>
    <div class="panel notice ${long ? 'notice-full' : ''}" ${long ? `tabindex="0" role="region" aria-label="${esc(t('fullNotice'))}"` : ''}>${paragraphs(text)}</div>
    <div class="choice-pair">${agreeButton}${declineButton}</div>
    <div class="row">
      ${full && !long ? engineButton(full, 'btn btn-flat btn-wide') : ''}
      ${others.map((b) => engineButton(b, 'btn btn-flat')).join('')}
    </div>
    ${stepNavigation(null)}`);
}

export function renderField(expecting, replies, buttons) {
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
        <input id="answer" class="big-input" type="text" inputmode="none" autocomplete="off" autocapitalize="${type === 'name' ? 'words' : 'sentences'}" spellcheck="false" maxlength="${type === 'name' ? 80 : 300}" aria-labelledby="q" aria-describedby="purpose hint ${expecting.error ? 'field-error' : ''}">
        <p class="hint" id="hint">${esc(t('textHint'))}</p>
        ${keyboard('answer', lang())}
        <button class="btn btn-primary btn-big" type="submit">${esc(t('next'))}</button>
      </form>`;
  }
  screen(`
    ${requestHeader()}
    ${progress(expecting.field)}
    ${extra.length ? `<div class="note">${extra.map((x) => paragraphs(x)).join('')}</div>` : ''}
    <h1 id="q">${esc(question)}</h1>
    ${expecting.purpose ? `<p class="purpose" id="purpose">${esc(t('why', { purpose: expecting.purpose }))}</p>` : ''}
    ${expecting.error ? `<p class="error" id="field-error" role="alert">${esc(expecting.error)}</p>` : ''}
    ${input}
    ${buttons.length ? `<div class="row">${buttons.map((b) => engineButton(b, 'btn btn-flat')).join('')}</div>` : ''}
    ${stepNavigation(expecting.field)}`);
  // Straight to the field (its keypad or keyboard is on the screen: inputmode=none, no system keyboard). A value the
  // engine did not accept stays in the field, so the citizen corrects it instead of typing it all again.
  const field = document.getElementById('answer');
  if (field) {
    const typed = state.typed;
    if (expecting.error && typed && typed.field === expecting.field) field.value = typed.value;
    field.focus({ preventScroll: true });
  }
  state.typed = { field: expecting.field, value: '' };
}

export function renderSummary(replies, buttons) {
  const edits = buttons.filter((b) => classify(b) === 'edit');
  const confirm = buttons.filter((b) => classify(b) === 'confirm');
  const others = buttons.filter((b) => !edits.includes(b) && !confirm.includes(b));
  screen(`
    ${requestHeader()}
    ${progress('summary')}
    <h1>${esc(t('summary'))}</h1>
    <div class="panel summary">${replies.map((r) => paragraphs(r.text)).join('')}</div>
    <div class="row">${confirm.map((b) => engineButton(b, 'btn btn-primary btn-big')).join('')}
      ${others.map((b) => engineButton(b, 'btn btn-big')).join('')}</div>
    ${edits.length ? `<div class="row edits">${edits.map((b) => `<button class="btn" data-engine-action="${esc(b.action)}">${icon('edit')}<span>${esc(b.label)}</span></button>`).join('')}</div>` : ''}
    ${stepNavigation(null)}`);
}

export function renderRequestOutcome(response) {
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
