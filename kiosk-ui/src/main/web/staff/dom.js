// Building DOM safely: every piece of data goes in through textContent or attributes, never as HTML.
import { t, locale } from './i18n.js';

export function el(tag, props = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(props)) {
    if (value === undefined || value === null || value === false) continue;
    if (key === 'text') node.textContent = String(value);
    else if (key === 'class') node.className = value;
    else if (key === 'dataset') Object.assign(node.dataset, value);
    else if (key.startsWith('on') && typeof value === 'function') node.addEventListener(key.slice(2), value);
    else if (value === true) node.setAttribute(key, '');
    else node.setAttribute(key, String(value));
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

export function clear(node) {
  while (node.firstChild) node.removeChild(node.firstChild);
  return node;
}

const TIME = new Intl.DateTimeFormat(locale(), {
  timeZone: 'Asia/Ho_Chi_Minh', day: '2-digit', month: '2-digit', year: 'numeric', hour: '2-digit', minute: '2-digit'
});

export function when(iso) {
  if (!iso) return '–';
  const date = new Date(iso);
  return isNaN(date) ? String(iso) : TIME.format(date);
}

export function age(minutes) {
  if (minutes < 60) return minutes + t(' phút', ' min');
  if (minutes < 48 * 60) return Math.floor(minutes / 60) + t(' giờ', ' h');
  return Math.floor(minutes / 1440) + t(' ngày', ' days');
}

export function toast(message, kind = 'info') {
  const box = document.getElementById('toast');
  box.textContent = message;
  box.className = 'toast ' + kind;
  box.hidden = false;
  clearTimeout(toast.timer);
  toast.timer = setTimeout(() => { box.hidden = true; }, 4000);
}

/** A calendar day (YYYY-MM-DD) with its weekday, e.g. "thứ Hai, 08/12/2026". */
export function day(iso) {
  const parts = String(iso).split('-').map(Number);
  if (parts.length !== 3 || parts.some(isNaN)) return String(iso);
  return new Intl.DateTimeFormat(locale(), { weekday: 'long', day: '2-digit', month: '2-digit', year: 'numeric', timeZone: 'UTC' })
    .format(new Date(Date.UTC(parts[0], parts[1] - 1, parts[2])));
}
