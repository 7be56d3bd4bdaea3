// Home: ask, check my case, the procedure tiles and whether the office is open now.
import { api } from '../api.js';
import { t, lang, other } from '../i18n.js';
import { icon } from '../icons.js';
import { state } from '../state.js';
import { esc, screen, loading, failure, showBanner } from '../dom.js';
import { office } from '../office.js';
import { renderHeader } from '../header.js';

export async function renderHome() {
  state.procedure = null;
  // index.html's greeting stays on screen while the first home screen loads (see the comment there).
  if (!document.querySelector('#main [data-first-paint]') || lang() !== 'vi') loading();
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
