// Drawing helpers: escaping, the screen area, the banner, loading and failure screens.
import { ApiError } from './api.js';
import { t } from './i18n.js';
import { icon } from './icons.js';

let afterScreen = () => {};

/** Called after every screen is drawn (the idle timer re-arms there). */
export function onScreen(callback) {
  afterScreen = callback;
}

export const main = document.getElementById('main');
export const banner = document.getElementById('banner');
export const idleDialog = document.getElementById('idle-dialog');

export function esc(value) {
  return String(value ?? '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);
}

export function paragraphs(text) {
  return String(text || '')
    .split(/\n{2,}|\n/)
    .filter((p) => p.trim())
    .map((p) => `<p>${esc(p)}</p>`)
    .join('');
}

export function showBanner(message) {
  banner.textContent = message || '';
  banner.hidden = !message;
}

export function screen(html, { focus = true } = {}) {
  main.innerHTML = html;
  if (focus) {
    const heading = main.querySelector('h1');
    if (heading) {
      heading.setAttribute('tabindex', '-1');
      heading.focus({ preventScroll: true });
    }
  }
  window.scrollTo(0, 0);
  afterScreen();
}

export function loading() {
  main.innerHTML = `<p class="loading" role="status">${esc(t('loading'))}</p>`;
}

export function failure(error, retryHash) {
  const offline = error instanceof ApiError && error.offline;
  if (offline) showBanner(t('reconnecting'));
  screen(`<section class="panel">
      <h1>${esc(offline ? t('reconnecting') : t('loadFailed'))}</h1>
      <div class="row">
        <button class="btn btn-primary" data-go="${esc(retryHash || location.hash || '#/')}">${esc(t('retry'))}</button>
        <button class="btn" data-go="#/">${icon('home')}<span>${esc(t('home'))}</span></button>
      </div></section>`);
}

export function backButton(hash = '#/') {
  return `<button class="btn btn-back" data-go="${esc(hash)}">${icon('back')}<span>${esc(t('back'))}</span></button>`;
}
