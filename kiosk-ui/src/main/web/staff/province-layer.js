// Province admin: the values the provincial People's Council sets per procedure (fee, processing time). Each save is
// a new version (If-Match, so a colleague's newer one is never overwritten unseen), checked with the catalog's rules
// over the national text and every ward of the province, and live in the wards at once; a ward's own value stays.
import { api } from './api.js';
import { el, clear, when, toast } from './dom.js';
import { failed } from './app.js';
import { t } from './i18n.js';
import { problemText } from './catalog-form.js';

const KEYS = [
  { key: 'fee', figure: 'amount_vnd', vi: 'Lệ phí', en: 'Fee', unitVi: 'Số tiền (đồng)', unitEn: 'Amount (VND)' },
  { key: 'processing_time', figure: 'working_days', vi: 'Thời hạn giải quyết', en: 'Processing time',
    unitVi: 'Số ngày làm việc', unitEn: 'Working days' },
];

export async function provinceLayerCard() {
  const procedures = await api('GET', '/api/v1/procedures?locale=' + t('vi', 'en')).catch(() => []);
  const pick = el('select', { id: 'layer-procedure', 'aria-label': t('Thủ tục', 'Procedure') },
    el('option', { value: '', text: t('Chọn thủ tục…', 'Choose a procedure…') }),
    procedures.map(p => el('option', { value: p.id, text: p.name })));
  const body = el('div', { id: 'layer-body' });
  const card = el('section', { class: 'card', id: 'province-layer' },
    el('h2', { text: t('Lệ phí và thời hạn do tỉnh quy định', 'Fees and processing times set by the province') }),
    el('p', { class: 'muted', text: t('Áp dụng ngay cho mọi phường/xã của tỉnh; phường đã tự sửa mục nào thì giữ nội dung của phường.',
      'Applies at once to every ward of the province; a ward that changed a part itself keeps its own.') }),
    el('div', { class: 'filters' }, pick), body);

  async function load(id) {
    clear(body);
    if (!id) return;
    const base = 'province/procedures/' + encodeURIComponent(id);
    let view;
    let versions;
    try {
      [view, versions] = await Promise.all([api('GET', base), api('GET', base + '/versions')]);
    } catch (e) {
      failed(e);
      return;
    }
    const problems = el('div', { id: 'layer-problems', role: 'alert', class: 'field-error' });
    const forms = KEYS.map(spec => section(spec, view));
    body.append(el('p', { id: 'layer-live', text: t('Phiên bản đang dùng: ', 'Live version: ') + view.version
        + ' · ' + t('Các phường: ', 'Wards: ') + view.wards.join(', ') }),
      ...forms.map(f => f.node), problems,
      el('button', { type: 'button', class: 'btn primary', id: 'layer-save', text: t('Lưu phiên bản mới', 'Save a new version'),
        onclick: async () => {
          const values = {};
          for (const f of forms) {
            const value = f.value();
            if (value) values[f.key] = value;
          }
          clear(problems);
          try {
            const saved = await api('PUT', base, { values }, { 'If-Match': String(view.version) });
            toast(saved.unchanged ? t('Không có thay đổi.', 'No change.')
              : t('Đã lưu phiên bản ', 'Saved version ') + saved.version + ' · ' + t('cập nhật: ', 'updated: ')
                + (saved.wardsUpdated.join(', ') || '–')
                + (saved.wardsKeepingOwn.length ? ' · ' + t('giữ nội dung riêng: ', 'keeping their own: ') + saved.wardsKeepingOwn.join(', ') : ''));
            load(id);
          } catch (e) {
            if (e.details && e.details.length) {
              problems.append(el('ul', {}, e.details.map(p => el('li', { text: p.field + ': ' + problemText(p.problem) }))));
            } else {
              failed(e);
            }
          }
        } }),
      el('h3', { text: t('Các phiên bản', 'Versions') }),
      el('ol', { class: 'versions', id: 'layer-versions' }, versions.versions.map(v => el('li', { class: 'version' },
        el('div', { class: 'meta', text: t('Phiên bản ', 'Version ') + v.version + ' · ' + v.author + ' · ' + when(v.createdAt) }),
        v.changes.length ? el('div', { text: v.changes.map(c => c.path).join(', ') }) : null))));
  }

  pick.addEventListener('change', () => load(pick.value));
  return card;
}

/** One of the province's fields: whether the province sets it, its figure, "uncertain" and the texts. */
function section(spec, view) {
  const own = view.values && view.values[spec.key];
  const start = JSON.parse(JSON.stringify(own || view.effective[spec.key] || {}));
  const id = 'layer-' + spec.key;
  const sets = el('input', { type: 'checkbox', id: id + '-set', checked: Boolean(own) });
  const figure = el('input', { type: 'number', min: 0, id: id + '-figure' });
  figure.value = start[spec.figure] ?? '';
  const uncertain = el('input', { type: 'checkbox', id: id + '-uncertain', checked: start.uncertain === true });
  const textVi = el('textarea', { id: id + '-vi', rows: 3 });
  textVi.value = (start.text && start.text.vi) || '';
  const textEn = el('textarea', { id: id + '-en', rows: 3 });
  textEn.value = (start.text && start.text.en) || '';
  const node = el('fieldset', { class: 'card' }, el('legend', { text: t(spec.vi, spec.en) }),
    el('div', { class: 'form-field inline' }, sets, el('label', { for: sets.id, text: t('Tỉnh quy định mục này (bỏ chọn: dùng văn bản quốc gia)',
      'The province sets this (unticked: the national text applies)') })),
    el('div', { class: 'form-field' }, el('label', { for: figure.id, text: t(spec.unitVi, spec.unitEn) }), figure),
    el('div', { class: 'form-field inline' }, uncertain, el('label', { for: uncertain.id, text: t('Chưa chắc chắn (không hiện con số)', 'Uncertain (no figure shown)') })),
    el('div', { class: 'form-field' }, el('label', { for: textVi.id, text: t('Nội dung (tiếng Việt)', 'Text (Vietnamese)') }), textVi),
    el('div', { class: 'form-field' }, el('label', { for: textEn.id, text: t('Nội dung (tiếng Anh)', 'Text (English)') }), textEn));
  return {
    key: spec.key,
    node,
    value() {
      if (!sets.checked) return null;
      const value = JSON.parse(JSON.stringify(start));
      if (figure.value.trim() === '') delete value[spec.figure];
      else value[spec.figure] = Number(figure.value);
      value.uncertain = uncertain.checked;
      value.text = { ...(value.text || {}), vi: textVi.value, en: textEn.value };
      return value;
    },
  };
}
