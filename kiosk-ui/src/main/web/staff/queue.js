// The live case queue: tabs by status, filters, SLA indicator, claim and (supervisors) assign.
import { api } from './api.js';
import { el, clear, when, age, toast } from './dom.js';
import { session, has, failed } from './app.js';
import { procedureNames, procedureLabel } from './names.js';
import { t } from './i18n.js';
import { channelLabel } from './labels.js';

export const STATUSES = [
  ['new', t('Mới', 'New')], ['claimed', t('Đang xử lý', 'In progress')], ['waiting', t('Chờ xử lý tiếp', 'Waiting')],
  ['resolved', t('Đã giải quyết', 'Resolved')], ['withdrawn', t('Đã rút', 'Withdrawn')],
];
const STATUS_LABEL = Object.fromEntries(STATUSES);

export function statusLabel(status) {
  return STATUS_LABEL[status] || status;
}

const CHANNELS = [['', t('Mọi kênh', 'All channels')], ...['web', 'kiosk', 'telegram', 'zalo', 'zalo_mini_app'].map(c => [c, channelLabel(c)])];
const AGES = [['', t('Mọi thời gian', 'Any age')], ['1', t('Quá 1 giờ', 'Over 1 hour')], ['4', t('Quá 4 giờ', 'Over 4 hours')],
  ['24', t('Quá 1 ngày', 'Over 1 day')], ['72', t('Quá 3 ngày', 'Over 3 days')]];
const state = { status: 'new', procedure: '', channel: '', olderThanHours: '' };

function select(id, label, options, value, onChange) {
  const box = el('select', { id, onchange: e => onChange(e.target.value) },
    options.map(([v, l]) => el('option', { value: v, text: l, selected: v === value })));
  return el('label', { class: 'filter' }, el('span', { text: label }), box);
}

export async function queueView(main) {
  const tabs = el('div', { class: 'tabs', role: 'tablist' });
  const list = el('div', { id: 'queue-list' });
  const live = el('span', { class: 'live', id: 'live-state', text: t('Đang kết nối…', 'Connecting…') });
  const names = await procedureNames();
  const procedures = [['', t('Mọi thủ tục', 'All procedures')], ...Object.entries(names)];
  const filters = el('div', { class: 'filters' },
    select('filter-procedure', t('Thủ tục', 'Procedure'), procedures, state.procedure, v => { state.procedure = v; load(); }),
    select('filter-channel', t('Kênh', 'Channel'), CHANNELS, state.channel, v => { state.channel = v; load(); }),
    select('filter-age', t('Tuổi hồ sơ', 'Age'), AGES, state.olderThanHours, v => { state.olderThanHours = v; load(); }),
    live);
  main.append(el('h1', { text: t('Hồ sơ công dân', 'Citizens\' cases') }), tabs, filters, list);

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
      list.append(el('p', { class: 'empty muted', id: 'queue-empty', text: t('Không có hồ sơ nào ở mục này.', 'No cases here.') }));
      return;
    }
    const rows = cases.map(c => el('tr', { class: 'case-row', dataset: { code: c.code } },
      el('td', {}, el('a', { href: '#/case/' + encodeURIComponent(c.code), class: 'code', text: c.code })),
      el('td', { text: procedureLabel(names, c.procedure) }),
      el('td', { text: channelLabel(c.channel) }),
      el('td', {}, el('span', { class: 'chip status-' + c.status, text: STATUS_LABEL[c.status] || c.status })),
      el('td', { text: c.claimedBy || '–' }),
      el('td', {}, el('span', { class: 'sla sla-' + c.sla, title: t('Tạo lúc ', 'Created ') + when(c.createdAt), text: age(c.ageMinutes) })),
      el('td', { class: 'actions' }, actions(c))));
    list.append(el('table', { class: 'grid' },
      el('thead', {}, el('tr', {},
        [t('Mã hồ sơ', 'Case'), t('Thủ tục', 'Procedure'), t('Kênh', 'Channel'), t('Trạng thái', 'Status'),
          t('Người xử lý', 'Officer'), t('Tuổi', 'Age')].map(h => el('th', { text: h })),
        el('th', {}, el('span', { class: 'sr-only', text: t('Thao tác', 'Actions') })))),
      el('tbody', {}, rows)));
  }

  function actions(c) {
    const out = [];
    if (c.status === 'new') {
      out.push(el('button', {
        type: 'button', class: 'btn small claim', text: t('Nhận xử lý', 'Take'), onclick: async () => {
          try {
            await api('POST', 'cases/' + encodeURIComponent(c.code) + '/claim', {});
            toast(t('Đã nhận hồ sơ ', 'Took case ') + c.code);
            location.hash = '#/case/' + encodeURIComponent(c.code);
          } catch (e) { failed(e); load(); }
        },
      }));
    }
    if (has('supervisor') && (c.status === 'new' || c.status === 'claimed' || c.status === 'waiting')) {
      const pick = el('select', { class: 'assign-to', 'aria-label': t('Giao cho', 'Assign to') + ' ' + c.code },
        el('option', { value: '', text: t('Giao cho…', 'Assign to…') }),
        officers.map(o => el('option', { value: o.username, text: o.displayName })));
      pick.addEventListener('change', async () => {
        if (!pick.value) return;
        try {
          await api('POST', 'cases/' + encodeURIComponent(c.code) + '/assign', { officer: pick.value });
          toast(t('Đã giao ', 'Assigned ') + c.code);
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
  events.addEventListener('ready', () => { live.textContent = t('● Trực tuyến', '● Live'); live.classList.add('on'); });
  events.addEventListener('case-changed', () => {
    clearTimeout(timer);
    timer = setTimeout(load, 200);
  });
  events.addEventListener('signed-out', () => events.close());
  events.onerror = () => { live.textContent = t('Mất kết nối, đang thử lại…', 'Connection lost, retrying…'); live.classList.remove('on'); };
  session.cleanup.push(() => { events.close(); clearTimeout(timer); });
}
