// The first screen of an unpaired kiosk (kiosk.pairing-required): a ward admin types the one-time code from the
// staff console (Kiosks page) on the keypad. Nothing else is reachable until the kiosk is paired.
import { t } from '../i18n.js';
import { esc, screen } from '../dom.js';
import { keypad } from '../keypad.js';
import { pair } from '../device.js';

export const PAIR_CODE_LENGTH = 8;

export function renderPair(message = '') {
  screen(`
    <h1>${esc(t('pairTitle'))}</h1>
    <form class="field with-keypad" data-pair-form autocomplete="off">
      <label for="pair-input" class="field-label">${esc(t('pairCode'))}</label>
      <input id="pair-input" class="big-input mono" type="text" inputmode="none" autocomplete="off" spellcheck="false"
        maxlength="${PAIR_CODE_LENGTH}" aria-describedby="pair-help${message ? ' pair-error' : ''}">
      <p class="hint" id="pair-help">${esc(t('pairBody'))}</p>
      ${message ? `<p class="error" id="pair-error" role="alert">${esc(message)}</p>` : ''}
      ${keypad('pair')}
      <button class="btn btn-primary btn-big" type="submit" id="pair-submit">${esc(t('pairSubmit'))}</button>
    </form>`);
}

export async function submitPair(onPaired) {
  const code = (document.getElementById('pair-input')?.value || '').replace(/\D/g, '');
  if (code.length !== PAIR_CODE_LENGTH) return renderPair(t('pairWrong'));
  let paired = false;
  try {
    paired = await pair(code);
  } catch (e) {
    paired = false;
  }
  return paired ? onPaired() : renderPair(t('pairWrong'));
}
