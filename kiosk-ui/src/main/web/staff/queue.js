// The live case queue: tabs by status, filters, SLA indicator, claim and (supervisors) assign.
import { api } from './api.js';
import { el, clear, when, age, toast } from './dom.js';
import { session, has, failed } from './app.js';
import { procedureNames, procedureLabel } from './names.js';

export const STATUSES = [
  ['new', 'Mới'], ['claimed', 'Đang xử lý'], ['waiting', 'Chờ xử lý tiếp'], ['resolved', 'Đã giải quyết'], ['withdrawn', 'Đã rút'],
];
export const STATUS_LABEL = Object.fromEntries(STATUSES);
const CHANNELS = [['', 'Mọi kênh'], ['web', 'Web'], ['kiosk', 'Kiosk'], ['telegram', 'Telegram'], ['zalo', 'Zalo'], ['zalo_mini_app', 'Zalo Mini App']];
const AGES = [['', 'Mọi thời gian'], ['1', 'Quá 1 giờ'], ['4', 'Quá 4 giờ'], ['24', 'Quá 1 ngày'], ['72', 'Quá 3 ngày']];
const state = { status: 'new', procedure: '', channel: '', olderThanHours: '' };

function select(id, label, options, value, onChange) {
  const box = el('select', { id, onchange: e => onChange(e.target.value) },
    options.map(([v, l]) => el('option', { value: v, text: l, selected: v === value })));
  return el('label', { class: 'filter' }, el('span', { text: label }), box);
}

export async function queueView(main) {
  const tabs = el('div', { class: 'tabs', role: 'tablist' });
  const list = el('div', { id: 'queue-list' });
  const live = el('span', { class: 'live', id: 'live-state', text: 'Đang kết nối…' });
  const names = await procedureNames();
  const procedures = [['', 'Mọi thủ tục'], ...Object.entries(names)];
  const filters = el('div', { class: 'filters' },
    select('filter-procedure', 'Thủ tục', procedures, state.procedure, v => { state.procedure = v; load(); }),
    select('filter-channel', 'Kênh', CHANNELS, state.channel, v => { state.channel = v; load(); }),
    select('filter-age', 'Tuổi hồ sơ', AGES, state.olderThanHours, v => { state.olderThanHours = v; load(); }),
    live);
  main.append(el('h1', { text: 'Hồ sơ công dân' }), tabs, filters, list);

  let officers = [];
  if (has('supervisor')) {
    officers = await api('GET', 'officers').catch(() => []);
  }

  function drawTabs() {
    clear(tabs);
    for (const [status, label] of STATUSES) {
      tabs.append(el('button', {
        type: 'button', role: 'tab', class: 'tab' + (state.status === status ? ' active' : ''), id: 'tab-' + status,
        'aria-selected': state.status === status ? 'true' : 'false', text: label,
        onclick: () => { state.status = status; drawTabs(); load(); },
      }));
    }
  }

  async function load() {
    const query = new URLSearchParams({ status: state.status });
    if (state.procedure) query.set('procedure', state.procedure);
    if (state.channel) query.set('channel', state.channel);
    if (state.olderThanHours) query.set('olderThanHours', state.olderThanHours);
    try {
      const data = await api('GET', 'cases?' + query);
      draw(data.cases);
    } catch (e) {
      failed(e);
    }
  }

  function draw(cases) {
    clear(list);
    if (cases.length === 0) {
      list.append(el('p', { class: 'empty muted', id: 'queue-empty', text: 'Không có hồ sơ nào ở mục này.' }));
      return;
    }
    const rows = cases.map(c => el('tr', { class: 'case-row', dataset: { code: c.code } },
      el('td', {}, el('a', { href: '#/case/' + encodeURIComponent(c.code), class: 'code', text: c.code })),
      el('td', { text: procedureLabel(names, c.procedure) }),
      el('td', { text: c.channel }),
      el('td', {}, el('span', { class: 'chip status-' + c.status, text: STATUS_LABEL[c.status] || c.status })),
      el('td', { text: c.claimedBy || '–' }),
      el('td', {}, el('span', { class: 'sla sla-' + c.sla, title: 'Tạo lúc ' + when(c.createdAt), text: age(c.ageMinutes) })),
      el('td', { class: 'actions' }, actions(c))));
    list.append(el('table', { class: 'grid' },
      el('thead', {}, el('tr', {}, ['Mã hồ sơ', 'Thủ tục', 'Kênh', 'Trạng thái', 'Người xử lý', 'Tuổi', ''].map(h => el('th', { text: h })))),
      el('tbody', {}, rows)));
  }

  function actions(c) {
    const out = [];
    if (c.status === 'new') {
      out.push(el('button', {
        type: 'button', class: 'btn small claim', text: 'Nhận xử lý', onclick: async () => {
          try {
            await api('POST', 'cases/' + encodeURIComponent(c.code) + '/claim', {});
            toast('Đã nhận hồ sơ ' + c.code);
            location.hash = '#/case/' + encodeURIComponent(c.code);
          } catch (e) { failed(e); load(); }
        },
      }));
    }
    if (has('supervisor') && (c.status === 'new' || c.status === 'claimed' || c.status === 'waiting')) {
      const pick = el('select', { class: 'assign-to', 'aria-label': 'Giao cho' },
        el('option', { value: '', text: 'Giao cho…' }),
        officers.map(o => el('option', { value: o.username, text: o.displayName })));
      pick.addEventListener('change', async () => {
        if (!pick.value) return;
        try {
          await api('POST', 'cases/' + encodeURIComponent(c.code) + '/assign', { officer: pick.value });
          toast('Đã giao ' + c.code);
        } catch (e) { failed(e); }
        load();
      });
      out.push(pick);
    }
    return out;
  }

  drawTabs();
  await load();

  if (!main.isConnected) return; // superseded by another view meanwhile
  // Live updates: the server says "case-changed"; we re-fetch what this account may see.
  let timer = null;
  const events = new EventSource('/api/v1/staff/events');
  events.addEventListener('ready', () => { live.textContent = '● Trực tuyến'; live.classList.add('on'); });
  events.addEventListener('case-changed', () => {
    clearTimeout(timer);
    timer = setTimeout(load, 200);
  });
  events.addEventListener('signed-out', () => events.close());
  events.onerror = () => { live.textContent = 'Mất kết nối, đang thử lại…'; live.classList.remove('on'); };
  session.cleanup.push(() => { events.close(); clearTimeout(timer); });
}
