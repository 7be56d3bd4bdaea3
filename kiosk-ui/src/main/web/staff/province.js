// Province admin: the wards of its province with counts only (no personal data, no texts), a new ward, and an
// account in one of its wards (one-time password shown once).
import { api } from './api.js';
import { el, clear, toast } from './dom.js';
import { failed } from './app.js';
import { t } from './i18n.js';
import { provinceLayerCard } from './province-layer.js';

export async function provinceView(main) {
  const table = el('div', { id: 'province-wards' });
  const secret = el('div', { id: 'province-one-time', class: 'banner ok', hidden: true });
  const wardId = el('input', { id: 'new-ward-id', placeholder: 'phuong-hoa-khanh', 'aria-label': t('Mã phường', 'Ward id'), required: true });
  const wardName = el('input', { id: 'new-ward-name', placeholder: t('Tên phường', 'Ward name'), 'aria-label': t('Tên phường', 'Ward name'), required: true });
  const wardForm = el('form', { class: 'card', id: 'ward-form' }, el('h2', { text: t('Thêm phường/xã', 'Add a ward') }),
    el('div', { class: 'row' }, wardId, wardName, el('button', { type: 'submit', class: 'btn primary', text: t('Thêm', 'Add') })));
  const accountWard = el('select', { id: 'account-ward', 'aria-label': t('Phường', 'Ward') });
  const username = el('input', { id: 'province-username', placeholder: t('Tên đăng nhập', 'Username'), 'aria-label': t('Tên đăng nhập', 'Username'), required: true });
  const role = el('select', { id: 'province-role', 'aria-label': t('Vai trò', 'Role') },
    [['admin', t('Quản trị', 'Administrator')], ['supervisor', t('Trưởng bộ phận', 'Supervisor')], ['officer', t('Cán bộ', 'Officer')],
      ['editor', t('Biên tập nội dung', 'Content editor')]].map(([value, text]) => el('option', { value, text })));
  const accountForm = el('form', { class: 'card', id: 'province-account-form' }, el('h2', { text: t('Tạo tài khoản cho phường', 'Create a ward account') }),
    el('div', { class: 'row' }, accountWard, username, role, el('button', { type: 'submit', class: 'btn primary', text: t('Tạo', 'Create') })));
  main.append(el('h1', { text: t('Tỉnh/thành phố', 'Province') }), secret, table, wardForm, accountForm,
    await provinceLayerCard());

  async function load() {
    const [province, counts] = await Promise.all([api('GET', 'province'), api('GET', 'province/analytics?days=30')]);
    const byWard = Object.fromEntries(counts.wards.map(w => [w.wardId, w]));
    clear(table).append(el('h2', { text: province.provinceId + ' – ' + t('30 ngày qua', 'last 30 days') }), el('table', { class: 'grid' },
      el('thead', {}, el('tr', {}, [t('Phường', 'Ward'), t('Cuộc hội thoại', 'Conversations'), t('Hồ sơ mới', 'New cases'),
        t('Đang xử lý', 'In progress'), t('Đã xong', 'Resolved'), t('Câu hỏi chưa trả lời được', 'Unanswered questions')].map(h => el('th', { text: h })))),
      el('tbody', {}, province.wards.map(w => {
        const c = byWard[w.id] || { casesByStatus: {} };
        const cases = c.casesByStatus || {};
        return el('tr', {}, el('td', { text: w.nameVi + (w.enabled ? '' : ' (' + t('tắt', 'disabled') + ')') }),
          el('td', { text: String(c.conversations ?? 0) }), el('td', { text: String(cases.new ?? 0) }),
          el('td', { text: String((cases.claimed ?? 0) + (cases.waiting ?? 0)) }), el('td', { text: String(cases.resolved ?? 0) }),
          el('td', { text: String(c.unansweredQuestions ?? 0) }));
      }))));
    clear(accountWard).append(...province.wards.map(w => el('option', { value: w.id, text: w.nameVi })));
  }

  wardForm.addEventListener('submit', async event => {
    event.preventDefault();
    try {
      await api('POST', 'province/wards', { id: wardId.value.trim(), nameVi: wardName.value.trim() });
      toast(t('Đã thêm phường ', 'Added ward ') + wardId.value.trim());
      wardId.value = '';
      wardName.value = '';
      load();
    } catch (e) {
      failed(e);
    }
  });
  accountForm.addEventListener('submit', async event => {
    event.preventDefault();
    try {
      const created = await api('POST', 'province/wards/' + encodeURIComponent(accountWard.value) + '/accounts',
        { username: username.value, roles: [role.value] });
      clear(secret).append(el('p', { text: t('Mật khẩu dùng một lần cho ' + created.username + ' (' + created.wardId + '):',
        'One-time password for ' + created.username + ' (' + created.wardId + '):') }), el('code', { class: 'secret', text: created.oneTimePassword }));
      secret.hidden = false;
      username.value = '';
    } catch (e) {
      failed(e);
    }
  });
  await load();
}
