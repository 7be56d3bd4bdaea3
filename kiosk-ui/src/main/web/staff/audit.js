// Supervisor view of the audit log, with filters and a CSV export (the export itself is audited).
import { api } from './api.js';
import { el, clear, when } from './dom.js';
import { failed } from './app.js';
import { t } from './i18n.js';

export async function auditView(main) {
  const inputs = {
    actor: el('input', { id: 'audit-actor', placeholder: t('Người thực hiện', 'Actor'), 'aria-label': t('Người thực hiện', 'Actor') }),
    action: el('input', { id: 'audit-action', placeholder: t('Hành động, ví dụ case.view', 'Action, e.g. case.view'), 'aria-label': t('Hành động', 'Action') }),
    target: el('input', { id: 'audit-target', placeholder: t('Đối tượng, ví dụ case:PH-2026-1234567', 'Target, e.g. case:PH-2026-1234567'), 'aria-label': t('Đối tượng', 'Target') }),
    from: el('input', { id: 'audit-from', type: 'date', 'aria-label': t('Từ ngày', 'From') }),
    to: el('input', { id: 'audit-to', type: 'date', 'aria-label': t('Đến ngày', 'To') }),
  };
  const table = el('div', { id: 'audit-table' });
  const exportLink = el('a', { class: 'btn', id: 'audit-export', text: t('Xuất CSV', 'Export CSV'), href: 'about:blank' });
  const form = el('form', { class: 'filters' }, Object.values(inputs),
    el('button', { type: 'submit', class: 'btn primary', text: t('Lọc', 'Filter') }), exportLink);
  main.append(el('h1', { text: t('Nhật ký truy cập và thao tác', 'Access and action log') }), form, table);

  function query() {
    const q = new URLSearchParams();
    for (const [key, input] of Object.entries(inputs)) if (input.value.trim()) q.set(key, input.value.trim());
    return q;
  }

  async function load() {
    const q = query();
    exportLink.href = '/api/v1/staff/audit.csv?' + q;
    try {
      const rows = await api('GET', 'audit?' + q);
      clear(table).append(el('table', { class: 'grid' },
        el('thead', {}, el('tr', {}, [t('Thời điểm', 'Time'), t('Người thực hiện', 'Actor'), t('Hành động', 'Action'), t('Đối tượng', 'Target'), t('Chi tiết', 'Detail')].map(h => el('th', { text: h })))),
        el('tbody', {}, rows.map(r => el('tr', { class: 'audit-row' },
          el('td', { text: when(r.at) }), el('td', { text: r.actor }), el('td', { class: 'mono', text: r.action }),
          el('td', { class: 'mono', text: r.target }), el('td', { text: r.detail }))))));
      if (rows.length === 0) table.append(el('p', { class: 'muted', text: t('Không có mục nào.', 'No entries.') }));
    } catch (e) {
      failed(e);
    }
  }

  form.addEventListener('submit', event => { event.preventDefault(); load(); });
  await load();
}
