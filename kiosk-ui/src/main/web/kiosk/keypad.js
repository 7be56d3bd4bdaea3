// The number keypad (phone numbers, case codes): big keys, no system keyboard.
import { esc } from './dom.js';
import { t } from './i18n.js';
import { icon } from './icons.js';

export function keypad(target) {
  const keys = ['1', '2', '3', '4', '5', '6', '7', '8', '9'];
  return `<div class="keypad" role="group" aria-label="${esc(t('keypad'))}" data-keypad="${target}">
    ${keys.map((k) => `<button type="button" class="key" data-key="${k}">${k}</button>`).join('')}
    <button type="button" class="key key-fn" data-key="clear">${esc(t('clear'))}</button>
    <button type="button" class="key" data-key="0">0</button>
    <button type="button" class="key key-fn" data-key="back" aria-label="${esc(t('deleteDigit'))}">${icon('backspace')}</button>
  </div>`;
}


export function typeIntoField(field, key, maxLength) {
  if (!field) return;
  if (key === 'back') field.value = field.value.slice(0, -1);
  else if (key === 'clear') field.value = '';
  else if (field.value.length < maxLength) field.value += key;
}
