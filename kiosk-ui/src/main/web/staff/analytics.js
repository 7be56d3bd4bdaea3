// Supervisor analytics: counts per day, top intents and procedures (as labels), rates, medians, and the questions the
// bot could not answer — shown only when at least k conversations typed the same masked text, otherwise counted.
import { api } from './api.js';
import { el, clear } from './dom.js';
import { t } from './i18n.js';
import { intentLabel, channelLabel } from './labels.js';
import { procedureNames, procedureLabel } from './names.js';

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
  return x < 120 ? Math.round(x) + t(' phút', ' min') : Math.round(x / 6) / 10 + t(' giờ', ' h');
}

export async function analyticsView(main) {
  const days = el('select', { id: 'analytics-days', 'aria-label': t('Khoảng thời gian', 'Period') },
    [[7, t('7 ngày', '7 days')], [30, t('30 ngày', '30 days')], [90, t('90 ngày', '90 days')]]
      .map(([v, l]) => el('option', { value: v, text: l, selected: v === 30 })));
  const body = el('div', { id: 'analytics-body' });
  main.append(el('h1', { text: t('Thống kê', 'Analytics') }), el('div', { class: 'filters' }, days), body);
  const names = await procedureNames();

  async function load() {
    const r = await api('GET', 'analytics?days=' + days.value);
    clear(body);
    const tiles = [
      [t('Cuộc trò chuyện', 'Conversations'), r.conversations], [t('Câu hỏi', 'Questions'), r.questions],
      [t('Tỷ lệ chuyển cán bộ', 'Handed to staff'), percent(r.handoffRate)],
      [t('Thời gian chờ nhận (trung vị)', 'Time to take (median)'), minutes(r.medianMinutesToClaim)],
      [t('Thời gian giải quyết (trung vị)', 'Time to resolve (median)'), minutes(r.medianMinutesToResolve)],
      [t('Đồng ý / từ chối', 'Agreed / declined'), r.consent ? r.consent.agree + ' / ' + r.consent.decline + ' (' + percent(r.consent.agreeRate) + ')' : '–'],
    ];
    body.append(el('div', { class: 'tiles' }, tiles.map(([label, value]) =>
      el('div', { class: 'tile' }, el('div', { class: 'tile-value', text: value ?? '–' }), el('div', { class: 'tile-label', text: label })))));
    body.append(el('section', { class: 'card' }, el('h2', { text: t('Theo ngày (cuộc trò chuyện / câu hỏi)', 'Per day (conversations / questions)') }),
      bars(r.perDay || [], d => d.day, d => d.conversations),
      bars(r.perDay || [], d => d.day + t(' câu hỏi', ' questions'), d => d.questions)));
    if (r.topIntents) {
      body.append(el('section', { class: 'card', id: 'analytics-intents' }, el('h2', { text: t('Câu hỏi hay gặp (trước khi đồng ý)', 'Common questions (before any consent)') }),
        bars(r.topIntents, x => intentLabel(x.key, names), x => x.count)));
    }
    if (r.topProcedures) {
      body.append(el('section', { class: 'card' }, el('h2', { text: t('Hồ sơ theo thủ tục', 'Cases by procedure') }),
        bars(r.topProcedures, x => procedureLabel(names, x.key), x => x.count)));
    }
    if (r.byChannel) {
      body.append(el('section', { class: 'card' }, el('h2', { text: t('Theo kênh', 'By channel') }), bars(r.byChannel, x => channelLabel(x.key), x => x.count)));
    }
    if (r.outOfScope) {
      const k = r.minimumConversationsToShow || 3;
      body.append(el('section', { class: 'card', id: 'analytics-unanswered' },
        el('h2', { text: t('Câu hỏi trợ lý chưa trả lời được', 'Questions the assistant could not answer') }),
        el('p', { class: 'muted', text: t('Chỉ câu hỏi tự do trước khi công dân đồng ý (không bao giờ là thông tin điền vào đơn). Một câu chỉ hiện khi ít nhất '
          + k + ' cuộc trò chuyện khác nhau hỏi đúng như vậy, sau khi che số điện thoại, số giấy tờ và e-mail.',
        'Only free questions typed before any consent (never what was entered into a request). A question is shown only when at least '
          + k + ' different conversations typed exactly it, after masking phone numbers, ID numbers and e-mails.') }),
        el('ul', { class: 'oos', id: 'analytics-oos' }, r.outOfScope.map(q => el('li', {},
          el('span', { class: 'chip', text: q.kind === 'unclear' ? t('chưa rõ', 'unclear') : t('ngoài phạm vi', 'out of scope') }), ' ',
          el('span', { class: 'oos-text', text: q.text }), ' ',
          el('span', { class: 'muted', text: '× ' + q.conversations })))),
        r.outOfScope.length ? null : el('p', { class: 'muted', text: t('Không có câu nào đủ ' + k + ' lần để hiện.', 'None typed often enough to show.') }),
        el('p', { id: 'analytics-withheld', text: t('Không hiện (ít hơn ' + k + ' cuộc trò chuyện): ', 'Not shown (fewer than ' + k + ' conversations): ')
          + (r.unansweredNotShown || 0) + t(' câu hỏi', ' questions') })));
    }
  }

  days.addEventListener('change', load);
  await load();
}
