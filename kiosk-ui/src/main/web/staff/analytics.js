// Supervisor analytics: counts per day, top intents and procedures, out-of-scope questions (masked), rates, medians.
import { api } from './api.js';
import { el, clear } from './dom.js';

function bars(items, label, value) {
  const max = Math.max(1, ...items.map(value));
  return el('ol', { class: 'bars' }, items.map(item => el('li', {},
    el('span', { class: 'bar-label', text: label(item) }),
    bar(Math.round(100 * value(item) / max)),
    el('span', { class: 'bar-value', text: value(item) }))));
}

function bar(percentWidth) {
  const node = el('span', { class: 'bar' });
  node.style.width = percentWidth + '%'; // CSSOM, allowed by the console's CSP (no inline style attributes)
  return node;
}

function percent(x) {
  return x === null || x === undefined ? '–' : Math.round(x * 1000) / 10 + ' %';
}

function minutes(x) {
  if (x === null || x === undefined) return '–';
  return x < 120 ? Math.round(x) + ' phút' : Math.round(x / 6) / 10 + ' giờ';
}

export async function analyticsView(main) {
  const days = el('select', { id: 'analytics-days', 'aria-label': 'Khoảng thời gian' },
    [[7, '7 ngày'], [30, '30 ngày'], [90, '90 ngày']].map(([v, l]) => el('option', { value: v, text: l, selected: v === 30 })));
  const body = el('div', { id: 'analytics-body' });
  main.append(el('h1', { text: 'Thống kê' }), el('div', { class: 'filters' }, days), body);

  async function load() {
    const r = await api('GET', 'analytics?days=' + days.value);
    clear(body);
    const tiles = [
      ['Cuộc trò chuyện', r.conversations], ['Câu hỏi', r.questions],
      ['Tỷ lệ chuyển cán bộ', percent(r.handoffRate)],
      ['Thời gian chờ nhận (trung vị)', minutes(r.medianMinutesToClaim)],
      ['Thời gian giải quyết (trung vị)', minutes(r.medianMinutesToResolve)],
      ['Đồng ý / từ chối', r.consent ? r.consent.agree + ' / ' + r.consent.decline + ' (' + percent(r.consent.agreeRate) + ')' : '–'],
    ];
    body.append(el('div', { class: 'tiles' }, tiles.map(([label, value]) =>
      el('div', { class: 'tile' }, el('div', { class: 'tile-value', text: value ?? '–' }), el('div', { class: 'tile-label', text: label })))));
    body.append(el('section', { class: 'card' }, el('h2', { text: 'Theo ngày (cuộc trò chuyện / câu hỏi)' }),
      bars(r.perDay || [], d => d.day, d => d.conversations), bars(r.perDay || [], d => d.day + ' câu hỏi', d => d.questions)));
    if (r.topIntents) body.append(el('section', { class: 'card' }, el('h2', { text: 'Ý định hay gặp' }), bars(r.topIntents, x => x.key, x => x.count)));
    if (r.topProcedures) body.append(el('section', { class: 'card' }, el('h2', { text: 'Hồ sơ theo thủ tục' }), bars(r.topProcedures, x => x.key, x => x.count)));
    if (r.byChannel) body.append(el('section', { class: 'card' }, el('h2', { text: 'Theo kênh' }), bars(r.byChannel, x => x.key, x => x.count)));
    if (r.outOfScope) {
      body.append(el('section', { class: 'card' }, el('h2', { text: 'Câu hỏi ngoài phạm vi (đã che dữ liệu cá nhân)' }),
        el('ul', { class: 'oos', id: 'analytics-oos' }, r.outOfScope.map(q => el('li', {},
          el('span', { class: 'chip', text: q.kind === 'unclear' ? 'chưa rõ' : 'ngoài phạm vi' }), ' ', q.text))),
        r.outOfScope.length ? null : el('p', { class: 'muted', text: 'Không có.' })));
    }
  }

  days.addEventListener('change', load);
  await load();
}
