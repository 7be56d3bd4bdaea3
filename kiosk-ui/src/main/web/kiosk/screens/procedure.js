// One procedure: its aspects as tabs, start a request, ask about it.
import { api } from '../api.js';
import { t } from '../i18n.js';
import { icon } from '../icons.js';
import { state } from '../state.js';
import { lang } from '../i18n.js';
import { esc, paragraphs, screen, loading, failure, backButton, main } from '../dom.js';
import { go } from '../router.js';
import { ASPECT_TABS } from '../config.js';

export async function renderProcedure(id) {
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

export function showAspect(aspect, focusTab = true) {
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

export function kindLabel(kind) {
  const label = t(`kind_${kind}`);
  return label === `kind_${kind}` ? kind : label;
}
