// The top bar: home, the ward's name, language and larger text.
import { esc } from './dom.js';
import { t, lang } from './i18n.js';
import { icon } from './icons.js';
import { state } from './state.js';
import { route } from './router.js';
import { wardName } from './office.js';

export function renderHeader() {
  const header = document.getElementById('topbar');
  const isHome = route().name === 'home';
  header.innerHTML = `
    <button class="btn btn-flat" data-go="#/" ${isHome ? 'aria-current="page"' : ''}>${icon('home')}<span>${esc(t('home'))}</span></button>
    <span class="brand" id="brand">${esc(wardName())}</span>
    <div class="tools">
      <div class="segmented" role="group" aria-label="Ngôn ngữ / Language">
        <button class="btn btn-seg" lang="vi" data-lang="vi" aria-pressed="${lang() === 'vi'}">Tiếng Việt</button>
        <button class="btn btn-seg" lang="en" data-lang="en" aria-pressed="${lang() === 'en'}">English</button>
      </div>
      <button class="btn btn-seg" data-large-text aria-pressed="${state.largeText}">${icon('text')}<span>${esc(t('largerText'))}</span></button>
    </div>`;
}
