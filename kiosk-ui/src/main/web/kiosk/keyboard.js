// On-screen keyboard for the kiosk's text fields: letters, numbers, the Vietnamese letters ă â đ ê ô ơ ư and the
// five tone keys (placed on the right vowel by vietnamese.js), shift, space and backspace; a Vietnamese and an English
// layout. No system keyboard is needed (the field uses inputmode=none), and a physical keyboard still types into the
// field as usual. Keys are real buttons with spoken names, so a screen reader and the Tab key reach every one.

import { esc } from './dom.js';
import { t } from './i18n.js';
import { icon } from './icons.js';
import { applyTone } from './vietnamese.js';

const NUMBERS = ['1', '2', '3', '4', '5', '6', '7', '8', '9', '0'];
const LETTERS = [['q', 'w', 'e', 'r', 't', 'y', 'u', 'i', 'o', 'p'], ['a', 's', 'd', 'f', 'g', 'h', 'j', 'k', 'l'],
  ['z', 'x', 'c', 'v', 'b', 'n', 'm']];
const VIETNAMESE_LETTERS = ['ă', 'â', 'đ', 'ê', 'ô', 'ơ', 'ư'];
const TONE_KEYS = [
  { tone: 1, glyph: 'á', name: 'toneSac' },
  { tone: 2, glyph: 'à', name: 'toneHuyen' },
  { tone: 3, glyph: 'ả', name: 'toneHoi' },
  { tone: 4, glyph: 'ã', name: 'toneNga' },
  { tone: 5, glyph: 'ạ', name: 'toneNang' },
];
const PUNCTUATION = [',', '.', '-', '/'];

function key(value, { label = value, name = '', cls = '' } = {}) {
  return `<button type="button" class="vk-key ${cls}" data-vk="${esc(value)}"${name ? ` aria-label="${esc(name)}"` : ''}>${label}</button>`;
}

function row(keys, cls = '') {
  return `<div class="vk-row ${cls}">${keys.join('')}</div>`;
}

/** The keyboard for the field with id {@code targetId}; {@code layout} is 'vi' (default) or 'en'. */
export function keyboard(targetId, layout = 'vi') {
  return `<div class="vk no-print" role="group" aria-label="${esc(t('keyboard'))}" data-vk-target="${esc(targetId)}" data-layout="${esc(layout)}" data-shift="off">
    ${row(NUMBERS.map((n) => key(n)))}
    ${row(LETTERS[0].map((l) => key(l, { cls: 'vk-letter' })))}
    ${row(LETTERS[1].map((l) => key(l, { cls: 'vk-letter' })))}
    ${row([key('shift', { label: `<span aria-hidden="true">⇧</span>`, name: t('keyShift'), cls: 'vk-fn vk-shift' }),
    ...LETTERS[2].map((l) => key(l, { cls: 'vk-letter' })),
    key('backspace', { label: icon('backspace'), name: t('keyBackspace'), cls: 'vk-fn' })])}
    ${row(VIETNAMESE_LETTERS.map((l) => key(l, { cls: 'vk-letter' })), 'vk-vi')}
    ${row(TONE_KEYS.map((k) => key(`tone:${k.tone}`, { label: esc(k.glyph), name: t(k.name), cls: 'vk-tone' })), 'vk-vi')}
    ${row([key('layout', { label: esc(layoutKeyText(layout)), name: layoutKeyName(layout), cls: 'vk-fn' }),
    ...PUNCTUATION.slice(0, 2).map((p) => key(p)),
    key(' ', { label: esc(t('keySpace')), name: t('keySpace'), cls: 'vk-space' }),
    ...PUNCTUATION.slice(2).map((p) => key(p))])}
  </div>`;
}

function setShift(board, on) {
  board.dataset.shift = on ? 'on' : 'off';
  board.querySelectorAll('.vk-letter').forEach((button) => {
    button.textContent = on ? button.dataset.vk.toUpperCase() : button.dataset.vk;
  });
  const shift = board.querySelector('.vk-shift');
  if (shift) shift.setAttribute('aria-pressed', String(on));
}

// The key shows the layout it switches to; its spoken name starts with that text (WCAG 2.5.3, label in name).
function layoutKeyText(layout) {
  return layout === 'vi' ? 'EN' : 'VI';
}

function layoutKeyName(layout) {
  return `${layoutKeyText(layout)}: ${t('keyLayout')}`;
}

function setLayout(board, layout) {
  board.dataset.layout = layout;
  const toggle = board.querySelector('[data-vk="layout"]');
  if (toggle) {
    toggle.textContent = layoutKeyText(layout);
    toggle.setAttribute('aria-label', layoutKeyName(layout));
  }
}

function insert(field, text) {
  const max = field.maxLength > 0 ? field.maxLength : Infinity;
  if ([...field.value].length + [...text].length > max) return;
  field.value += text;
}

/** Handles a press on a key of the keyboard that holds {@code button}; types into its target field. */
export function pressKey(button) {
  const board = button.closest('.vk');
  const field = board && document.getElementById(board.dataset.vkTarget);
  if (!field) return;
  const value = button.dataset.vk;
  if (value === 'shift') {
    setShift(board, board.dataset.shift !== 'on');
    return;
  }
  if (value === 'layout') {
    setLayout(board, board.dataset.layout === 'vi' ? 'en' : 'vi');
    return;
  }
  if (value === 'backspace') {
    field.value = [...field.value].slice(0, -1).join('');
  } else if (value.startsWith('tone:')) {
    field.value = applyTone(field.value, Number(value.slice(5))).normalize('NFC');
  } else {
    insert(field, board.dataset.shift === 'on' ? value.toUpperCase() : value);
    if (board.dataset.shift === 'on') setShift(board, false); // shift holds for one letter, as on phones
  }
  field.dispatchEvent(new Event('input', { bubbles: true }));
}
