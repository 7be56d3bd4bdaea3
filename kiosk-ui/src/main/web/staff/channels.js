// Admin: the ward's own Telegram bot and Zalo OA. Values are sent, never shown: the server answers only "set / not
// set" and, for long values, the last 4 characters, so the form's inputs start empty and an empty input changes nothing.
import { api } from './api.js';
import { el, clear, toast } from './dom.js';
import { failed, session } from './app.js';
import { t } from './i18n.js';

const LABELS = {
  'telegram.bot-token': t('Telegram: mã bot (BotFather)', 'Telegram: bot token (BotFather)'),
  'telegram.webhook-secret': t('Telegram: khoá bí mật webhook', 'Telegram: webhook secret'),
  'zalo.app-id': 'Zalo: App ID',
  'zalo.oa-id': 'Zalo: OA ID',
  'zalo.oa-secret-key': 'Zalo: OA Secret Key',
  'zalo.app-secret': 'Zalo: App Secret',
  'zalo.access-token': 'Zalo: access token',
  'zalo.refresh-token': 'Zalo: refresh token',
};

export async function channelsView(main) {
  const state = el('div', { id: 'channels-state' });
  const form = el('form', { class: 'card', id: 'channels-form' });
  main.append(el('h1', { text: t('Kênh của phường – ', 'Ward channels – ') + session.me.wardId }), state, form);

  function render(status) {
    clear(state).append(...[
      status.canSave ? null : el('p', { class: 'banner warn', id: 'channels-no-key',
        text: t('Máy chủ chưa có khoá mã hoá (WARDDESK_SECRET_KEYS): chưa lưu được thông tin kênh.',
                'The server has no encryption key (WARDDESK_SECRET_KEYS): channel credentials cannot be saved.') }),
      el('p', { text: t('Địa chỉ webhook: ', 'Webhook addresses: ') }, el('code', { text: status.telegramWebhookPath }), ' · ',
        el('code', { text: status.zaloWebhookPath }))].filter(Boolean));
    const rows = status.fields.map(f => {
      const input = el('input', { id: 'channel-' + f.field.replace('.', '-'), name: f.field, type: 'password', autocomplete: 'off',
        'aria-label': LABELS[f.field] || f.field, placeholder: f.set ? t('đã đặt', 'set') + (f.last4 ? ' …' + f.last4 : '') : t('chưa đặt', 'not set') });
      const clearBox = el('input', { type: 'checkbox', name: 'clear:' + f.field, disabled: !f.set });
      return el('div', { class: 'row' }, el('label', { text: LABELS[f.field] || f.field }), input,
        el('label', { class: 'check' }, clearBox, t('Xoá', 'Clear')));
    });
    clear(form).append(el('h2', { text: t('Bot Telegram và Zalo OA riêng của phường', "The ward's own Telegram bot and Zalo OA") }),
      ...rows, el('button', { type: 'submit', class: 'btn primary', text: t('Lưu', 'Save'), disabled: !status.canSave }));
  }

  form.addEventListener('submit', async event => {
    event.preventDefault();
    const changes = {};
    for (const input of form.querySelectorAll('input')) {
      if (input.name.startsWith('clear:')) {
        if (input.checked) changes[input.name.slice(6)] = '';
      } else if (input.value.trim() !== '') {
        changes[input.name] = input.value.trim();
      }
    }
    if (Object.keys(changes).length === 0) {
      toast(t('Không có gì để lưu.', 'Nothing to save.'));
      return;
    }
    try {
      render(await api('PUT', 'channels', changes));
      toast(t('Đã lưu thông tin kênh.', 'Channel credentials saved.'));
    } catch (e) {
      failed(e);
    }
  });
  render(await api('GET', 'channels'));
}
