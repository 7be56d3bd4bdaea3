// Editor: procedure content through the catalog admin API (versions, diff, edit, roll back).
import { api } from './api.js';
import { el, clear, when, toast } from './dom.js';
import { failed } from './app.js';

export async function catalogView(main) {
  const procedures = await api('GET', '/api/v1/procedures?locale=vi').catch(() => []);
  const pick = el('select', { id: 'catalog-procedure', 'aria-label': 'Thủ tục' },
    el('option', { value: '', text: 'Chọn thủ tục…' }), procedures.map(p => el('option', { value: p.id, text: p.name })));
  const body = el('div', { id: 'catalog-body' });
  main.append(el('h1', { text: 'Nội dung thủ tục' }),
    el('p', { class: 'muted', text: 'Mỗi lần lưu là một phiên bản mới; có thể khôi phục phiên bản cũ bất kỳ lúc nào.' }),
    el('div', { class: 'filters' }, pick), body);
  if (procedures.length === 0) {
    body.append(el('p', { class: 'muted', text: 'Chưa tải được danh mục thủ tục.' }));
  }

  async function load(id) {
    clear(body);
    if (!id) return;
    let versions = [];
    try {
      versions = await api('GET', '/api/v1/admin/procedures/' + encodeURIComponent(id) + '/versions');
    } catch (e) {
      failed(e);
    }
    const list = Array.isArray(versions) ? versions : versions.versions || [];
    const latest = list.length ? list[0] : null;
    const editor = el('textarea', { id: 'catalog-json', rows: 18, class: 'mono', 'aria-label': 'Nội dung (JSON)' });
    editor.value = latest && latest.content ? JSON.stringify(latest.content, null, 2) : '';
    body.append(el('section', { class: 'card' }, el('h2', { text: 'Sửa nội dung (JSON)' }), editor,
      el('button', { type: 'button', class: 'btn primary', id: 'catalog-save', text: 'Lưu phiên bản mới', onclick: async () => {
        let content;
        try { content = JSON.parse(editor.value); } catch (e) { toast('Nội dung không phải JSON hợp lệ.', 'error'); return; }
        try { await api('PUT', '/api/v1/admin/procedures/' + encodeURIComponent(id), content); toast('Đã lưu.'); load(id); } catch (e) { failed(e); }
      } })));
    body.append(el('section', { class: 'card' }, el('h2', { text: 'Các phiên bản' }),
      el('ol', { class: 'versions' }, list.map(v => el('li', {},
        el('div', { class: 'meta', text: 'Phiên bản ' + v.version + ' · ' + (v.author || '') + ' · ' + when(v.at || v.createdAt) }),
        v.diff ? el('pre', { class: 'diff', text: typeof v.diff === 'string' ? v.diff : JSON.stringify(v.diff, null, 2) }) : null,
        el('button', { type: 'button', class: 'btn small', text: 'Khôi phục phiên bản này', onclick: async () => {
          try { await api('POST', '/api/v1/admin/procedures/' + encodeURIComponent(id) + '/rollback/' + v.version, {}); toast('Đã khôi phục.'); load(id); } catch (e) { failed(e); }
        } }))))));
  }

  pick.addEventListener('change', () => load(pick.value));
}
