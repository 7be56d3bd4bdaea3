// Admin: the ward's sign-in policy (officers' second factor) and its kiosks: a one-time pairing code for a new
// kiosk (typed on the kiosk's keypad within minutes), the paired kiosks, and revoking one (a lost or moved device).
import { api } from './api.js';
import { el, clear, toast } from './dom.js';
import { failed } from './app.js';
import { t } from './i18n.js';

export async function wardView(main) {
  const policy = el('section', { class: 'card', id: 'ward-policy' });
  const code = el('div', { id: 'pairing-code', class: 'banner ok', hidden: true });
  const label = el('input', { id: 'kiosk-label', placeholder: t('Tên kiosk (ví dụ: Sảnh chính)', 'Kiosk name (e.g. Main hall)'),
    'aria-label': t('Tên kiosk', 'Kiosk name'), maxlength: 80 });
  const form = el('form', { class: 'card', id: 'pairing-form' }, el('h2', { text: t('Ghép nối kiosk mới', 'Pair a new kiosk') }),
    el('div', { class: 'row' }, label,
      el('button', { type: 'submit', class: 'btn primary', id: 'pairing-submit', text: t('Tạo mã ghép nối', 'Create pairing code') })));
  const devices = el('div', { id: 'kiosk-devices' });
  main.append(el('h1', { text: t('Phường và kiosk', 'Ward and kiosks') }), policy, code, form, devices);

  async function loadPolicy() {
    const ward = await api('GET', 'ward');
    const box = el('input', { type: 'checkbox', id: 'officer-second-factor', checked: ward.officerSecondFactor });
    box.addEventListener('change', async () => {
      try {
        await api('POST', 'ward/officer-second-factor', { officerSecondFactor: box.checked });
        toast(box.checked ? t('Cán bộ sẽ phải cài xác thực 2 lớp.', 'Officers must now set up the second factor.')
          : t('Đã tắt yêu cầu xác thực 2 lớp cho cán bộ.', 'Officers no longer need the second factor.'));
      } catch (e) {
        box.checked = !box.checked;
        failed(e);
      }
    });
    clear(policy).append(el('h2', { text: ward.nameVi + ' (' + ward.id + ')' }),
      el('label', { class: 'check' }, box, t('Cán bộ (officer) phải dùng xác thực 2 lớp khi đăng nhập',
        'Officers must use the second factor (authenticator app) to sign in')));
  }

  async function loadDevices() {
    const { devices: list } = await api('GET', 'kiosk-devices');
    const when = value => value ? new Date(value).toLocaleString('vi-VN') : '–';
    clear(devices).append(el('table', { class: 'grid' },
      el('thead', {}, el('tr', {}, [t('Kiosk', 'Kiosk'), t('Ghép nối lúc', 'Paired'), t('Hoạt động gần nhất', 'Last seen'),
        t('Trạng thái', 'State')].map(h => el('th', { text: h })), el('th', {}, el('span', { class: 'sr-only', text: t('Thao tác', 'Actions') })))),
      el('tbody', {}, list.map(d => el('tr', {},
        el('td', { text: d.label }), el('td', { text: when(d.pairedAt) }), el('td', { text: when(d.lastSeenAt) }),
        el('td', { text: d.revokedAt ? t('Đã thu hồi', 'Revoked') : t('Đang dùng', 'Active') }),
        el('td', { class: 'actions' }, d.revokedAt ? null : el('button', { type: 'button', class: 'btn small',
          text: t('Thu hồi', 'Revoke'), onclick: async () => {
            try { await api('POST', 'kiosk-devices/' + d.id + '/revoke', {}); loadDevices(); } catch (e) { failed(e); }
          } })))))));
  }

  form.addEventListener('submit', async event => {
    event.preventDefault();
    try {
      const issued = await api('POST', 'kiosk-devices/pairing-codes', { label: label.value });
      const minutes = Math.round(issued.validSeconds / 60);
      clear(code).append(el('p', { text: t('Nhập mã này trên bàn phím số của kiosk trong ' + minutes + ' phút (dùng một lần):',
        'Type this code on the kiosk keypad within ' + minutes + ' minutes (single use):') }),
      el('code', { class: 'secret', id: 'pairing-code-value', text: issued.code }));
      code.hidden = false;
      label.value = '';
    } catch (e) {
      failed(e);
    }
  });
  await Promise.all([loadPolicy(), loadDevices()]);
}
