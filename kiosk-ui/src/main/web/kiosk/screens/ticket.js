// The appointment slip: case code, QR, what to bring; printable on an 80 mm printer.
import { api } from '../api.js';
import { t, lang } from '../i18n.js';
import { icon } from '../icons.js';
import { state } from '../state.js';
import { esc, screen, loading } from '../dom.js';
import { kindLabel } from './procedure.js';
import { office } from '../office.js';

export async function renderTicket(code) {
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
  const where = await office().catch(() => null);
  const weekly = where && Array.isArray(where.weekly) ? where.weekly : where && where.weekly ? [where.weekly] : [];
  screen(`
    <section class="ticket" aria-labelledby="ticket-title">
      <h1 id="ticket-title">${esc(t('ticketTitle'))}</h1>
      ${procedureName ? `<p class="lead">${esc(procedureName)}</p>` : ''}
      <div class="ticket-main">
        <div>
          <p class="code-label">${esc(t('caseCode'))}</p>
          <p class="case-code" id="case-code">${esc(code)}</p>
          ${state.caseCheck ? `<p class="code-label">${esc(t('caseCheck'))}</p><p class="case-check" id="case-check">${esc(state.caseCheck)}</p>` : ''}
          <p class="hint">${esc(t('qrHint'))}</p>
          <p class="next-step">${esc(t('ticketNext'))}</p>
        </div>
        <img class="qr" id="qr" src="${esc(api.qrUrl(code, state.caseCheck))}" alt="${esc(t('qrAlt', { code }))}" width="220" height="220">
      </div>
      ${documents.length ? `<h2>${esc(t('whatToBring'))}</h2>
        <ul class="bring">${documents.map((d) => `<li>${esc(d.text)} <span class="meta">(${esc(kindLabel(d.kind))}${d.count ? `, ${esc(t('count', { n: d.count }))}` : ''})</span></li>`).join('')}</ul>` : ''}
      <dl class="slip-facts">
        ${state.chosenDay ? `<dt>${esc(t('slipDay'))}</dt><dd id="slip-day">${esc(state.chosenDay)}</dd>` : ''}
        ${where ? `<dt>${esc(t('slipWhere'))}</dt><dd id="slip-where">${esc(where.name)}${where.desk ? ` — ${esc(where.desk)}` : ''}<br>${esc(where.address || '')}</dd>` : ''}
        ${weekly.length ? `<dt>${esc(t('slipHours'))}</dt><dd id="slip-hours">${weekly.map((line) => esc(typeof line === 'string' ? line : line.text || '')).join('<br>')}</dd>` : ''}
      </dl>
    </section>
    <div class="row action-bar no-print">
      <button class="btn btn-big" data-print>${icon('print')}<span>${esc(t('print'))}</span></button>
      ${state.conversation ? `<button class="btn btn-big" data-engine-action="receipt">${icon('file')}<span>${esc(t('printReceipt'))}</span></button>` : ''}
      <button class="btn btn-primary btn-big" data-finish>${icon('check')}<span>${esc(t('finish'))}</span></button>
    </div>
    <p class="hint no-print">${esc(t('finishHint'))}</p>`);
}
