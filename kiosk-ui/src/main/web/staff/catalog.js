// Editor: procedure content through the catalog admin API (versions, diff, edit, roll back).
import { api } from './api.js';
import { el, clear, when, toast } from './dom.js';
import { failed } from './app.js';
import { catalogForm } from './catalog-form.js';

export async function catalogView(main) {
  const procedures = await api('GET', '/api/v1/procedures?locale=vi').catch(() => []);
  const pick = el('select', { id: 'catalog-procedure', 'aria-label': 'Thủ tục' },
    el('option', { value: '', text: 'Chọn thủ tục…' }), procedures.map(p => el('option', { value: p.id, text: p.name })));
  const body = el('div', { id: 'catalog-body' });
  main.append(el('h1', { text: 'Nội dung thủ tục' }),
    el('p', { class: 'muted', text: 'Mỗi lần lưu là một phiên bản mới; có thể khôi phục phiên bản cũ bất kỳ lúc nào.' }),
    await freshnessBanner(), el('div', { class: 'filters' }, pick), body);
  if (procedures.length === 0) {
    body.append(el('p', { class: 'muted', text: 'Chưa tải được danh mục thủ tục.' }));
  }

  async function load(id) {
    clear(body);
    if (!id) return;
    const base = '/api/v1/admin/procedures/' + encodeURIComponent(id);
    let current = null;
    let list = [];
    try {
      current = await api('GET', base);
      list = (await api('GET', base + '/versions')).versions || [];
    } catch (e) {
      failed(e);
      return;
    }
    list.sort((a, b) => b.version - a.version);
    const editor = el('textarea', { id: 'catalog-json', rows: 18, class: 'mono', 'aria-label': 'Nội dung (JSON)' });
    editor.value = JSON.stringify(current.content, null, 2);
    body.append(el('p', { id: 'catalog-live', text: 'Phiên bản đang dùng: ' + current.version }));
    // Where the ward's starting content came from: only the fields a province or the ward set (the rest is national).
    const layered = Object.entries(current.provenance || {}).filter(([, origin]) => origin !== 'national');
    if (layered.length) {
      body.append(el('p', { id: 'catalog-provenance', class: 'muted', text: 'Nguồn nội dung gốc: '
        + layered.map(([field, origin]) => field + ' ← ' + originLabel(origin)).join('; ') + '; phần còn lại: văn bản quốc gia.' }));
    }
    // The form editor draws its tabs into body and hands back the "advanced" tab, where the JSON editor lives.
    catalogForm(body, { id, base, current, onPublished: () => load(id) }).append(el('section', { class: 'card' }, el('h2', { text: 'Sửa nội dung (JSON)' }), editor,
      el('button', { type: 'button', class: 'btn primary', id: 'catalog-save', text: 'Lưu phiên bản mới', onclick: async () => {
        let content;
        try { content = JSON.parse(editor.value); } catch (e) { toast('Nội dung không phải JSON hợp lệ.', 'error'); return; }
        try {
          // If-Match: a colleague's newer version is never overwritten unseen.
          const saved = await api('PUT', base, content, { 'If-Match': String(current.version) });
          toast(saved.unchanged ? 'Không có thay đổi.' : 'Đã lưu phiên bản ' + saved.version + '.');
          load(id);
        } catch (e) {
          const problems = e.details && e.details.length ? ': ' + e.details.map(p => p.field + ' – ' + p.problem).join('; ') : '';
          toast(e.message + problems, 'error');
        }
      } })));
    body.append(el('section', { class: 'card' }, el('h2', { text: 'Các phiên bản' }),
      el('ol', { class: 'versions', id: 'catalog-versions' }, list.map(v => el('li', { class: 'version', dataset: { version: v.version } },
        el('div', { class: 'meta', text: 'Phiên bản ' + v.version + ' · ' + (v.author || '') + ' · ' + when(v.createdAt)
          + (v.rollbackOf ? ' · khôi phục từ phiên bản ' + v.rollbackOf : '') }),
        v.changes && v.changes.length ? el('pre', { class: 'diff', text: JSON.stringify(v.changes, null, 2) }) : null,
        v.version === current.version ? el('span', { class: 'chip status-resolved', text: 'Đang dùng' })
          : el('button', { type: 'button', class: 'btn small rollback', text: 'Khôi phục phiên bản này', onclick: async () => {
            try { await api('POST', base + '/rollback/' + v.version, {}); toast('Đã khôi phục.'); load(id); } catch (e) { failed(e); }
          } }))))));
  }

  pick.addEventListener('change', () => load(pick.value));
}

// What needs an editor (same rules as ./warddesk content check): overdue reviews and expired/expiring legal bases in
// red, scheduled legal changes as a note. Nothing is shown when everything is fresh and nothing is scheduled.
/** "province:demo-hue" → "tỉnh demo-hue", "ward:demo-an-cuu" → "phường demo-an-cuu". */
function originLabel(origin) {
  const [layer, id] = origin.split(':');
  return (layer === 'province' ? 'tỉnh ' : layer === 'ward' ? 'phường ' : '') + (id || origin);
}

async function freshnessBanner() {
  const report = await api('GET', '/api/v1/admin/catalog/freshness').catch(() => null);
  if (!report) return null;
  const changes = report.notices.filter(n => n.kind === 'change_ahead' || n.kind === 'not_yet_in_force');
  if (!report.problems.length && !changes.length) return null;
  const line = f => el('li', { text: f.name + ' — ' + f.detail });
  return el('section', { id: 'catalog-freshness', role: 'status' },
    report.problems.length ? el('div', { class: 'banner warn', id: 'catalog-stale' },
      el('p', { text: 'Cần cập nhật ngay (' + report.needingAction.length + ' thủ tục; kiểm tra lại quá '
        + report.reviewMaxAgeDays + ' ngày hoặc căn cứ pháp lý hết hiệu lực trong ' + report.expiryWarningDays + ' ngày):' }),
      el('ul', {}, report.problems.map(line))) : null,
    changes.length ? el('div', { class: 'notice', id: 'catalog-changes' },
      el('p', { text: 'Thay đổi pháp lý sắp tới — rà soát trước ngày hiệu lực:' }),
      el('ul', {}, grouped(changes))) : null);
}

// One line per legal change, naming the procedures it affects (a decree usually touches several).
function grouped(findings) {
  const byDetail = new Map();
  for (const f of findings) byDetail.set(f.detail, [...(byDetail.get(f.detail) || []), f.name]);
  return [...byDetail].map(([detail, names]) => el('li', { text: detail + ': ' + names.join(', ') }));
}
