// One case: procedure, fields, consent, transcript, notes, reply with delivery state, hand back, resolve.
import { api } from './api.js';
import { el, clear, when, toast } from './dom.js';
import { failed, session, show } from './app.js';
import { STATUS_LABEL } from './queue.js';
import { procedureNames, procedureLabel } from './names.js';

const ORIGIN = { citizen: 'Công dân', bot: 'Trợ lý tự động', staff: 'Cán bộ' };
const DELIVERY = { queued: 'Đang chờ gửi', sent: 'Đã gửi', failed: 'Gửi lỗi', delivered: 'Đã hiển thị trong cuộc trò chuyện' };
const PUSHED = ['telegram', 'zalo'];

export async function caseView(main, code) {
  const path = 'cases/' + encodeURIComponent(code);
  let c;
  try {
    c = await api('GET', path);
  } catch (e) {
    if (e.status === 404) {
      main.append(el('div', { class: 'card', id: 'case-missing' },
        el('h1', { text: 'Không tìm thấy hồ sơ' }),
        el('p', { text: 'Không có hồ sơ này trong phường của bạn.' }),
        el('a', { href: '#/queue', text: '← Về danh sách' })));
      return;
    }
    throw e;
  }
  const refresh = () => { if (location.hash === '#/case/' + encodeURIComponent(code)) show(caseView, code); };
  const act = async (action, body, done) => {
    try {
      const result = await api('POST', path + '/' + action, body);
      if (done) toast(done);
      refresh();
      return result;
    } catch (e) {
      failed(e);
      return null;
    }
  };

  const names = await procedureNames();
  const readOnly = c.readOnly;
  main.append(el('p', {}, el('a', { href: '#/queue', text: '← Danh sách hồ sơ' })));
  main.append(el('div', { class: 'case-head' },
    el('h1', { id: 'case-code', text: c.code }),
    el('span', { class: 'chip status-' + c.status, id: 'case-status', text: STATUS_LABEL[c.status] || c.status }),
    el('span', { class: 'muted', text: procedureLabel(names, c.procedure) + ' · ' + c.channel + ' · tạo ' + when(c.createdAt) }),
    c.claimedBy ? el('span', { class: 'muted', text: 'Người xử lý: ' + c.claimedBy }) : null));
  if (c.status === 'withdrawn') {
    main.append(el('div', { class: 'banner warn', id: 'withdrawn-banner', role: 'alert',
      text: 'Công dân đã rút lại sự đồng ý và yêu cầu. Hồ sơ chỉ được xem, không thể xử lý tiếp.' }));
  }
  if (c.outcome) {
    main.append(el('div', { class: 'banner ok', text: 'Kết quả: ' + c.outcome }));
  }

  const left = el('div', { class: 'col' });
  const right = el('div', { class: 'col' });
  main.append(el('div', { class: 'columns' }, left, right));

  // Collected fields and consent.
  const fields = el('dl', { class: 'fields', id: 'case-fields' });
  for (const [key, value] of Object.entries(c.fields || {})) {
    fields.append(el('dt', { text: key }), el('dd', { text: value === null ? '(đã xoá)' : value }));
  }
  if (!fields.firstChild) fields.append(el('dd', { class: 'muted', text: 'Không có thông tin cá nhân.' }));
  left.append(el('section', { class: 'card' }, el('h2', { text: 'Thông tin đã thu thập' }), fields));

  const consent = el('section', { class: 'card', id: 'case-consent' }, el('h2', { text: 'Đồng ý xử lý dữ liệu' }));
  if (c.consent) {
    const k = c.consent;
    consent.append(el('dl', { class: 'fields' },
      el('dt', { text: 'Quyết định' }), el('dd', { text: k.decision }),
      el('dt', { text: 'Thời điểm' }), el('dd', { text: when(k.at) }),
      el('dt', { text: 'Cách đồng ý' }), el('dd', { text: k.method }),
      el('dt', { text: 'Phiên bản thông báo' }), el('dd', { text: k.noticeVersion }),
      el('dt', { text: 'SHA-256 văn bản' }), el('dd', { class: 'mono', text: k.textSha256 }),
      k.withdrawnAt ? [el('dt', { text: 'Đã rút lúc' }), el('dd', { text: when(k.withdrawnAt) })] : null));
    if (k.receiptUrl) consent.append(el('a', { href: k.receiptUrl, target: '_blank', rel: 'noopener', id: 'consent-receipt', text: 'Biên nhận đồng ý' }));
  } else {
    consent.append(el('p', { class: 'muted', text: 'Không có bản ghi đồng ý.' }));
  }
  left.append(consent);

  // Internal notes.
  const notes = el('ol', { class: 'notes', id: 'case-notes' },
    (c.notes || []).map(n => el('li', { class: 'note' },
      el('div', { class: 'meta', text: n.author + ' · ' + when(n.at) }), el('div', { class: 'text', text: n.text }))));
  const noteText = el('textarea', { id: 'note-text', rows: 3, maxlength: 2000, 'aria-label': 'Ghi chú nội bộ', disabled: readOnly && c.status === 'withdrawn' });
  const noteBox = el('section', { class: 'card' }, el('h2', { text: 'Ghi chú nội bộ (công dân không thấy)' }), notes);
  if (c.status !== 'withdrawn') {
    noteBox.append(noteText, el('button', { type: 'button', class: 'btn', id: 'note-add', text: 'Thêm ghi chú', onclick: async () => {
      if (!noteText.value.trim()) return;
      try {
        await api('POST', path + '/notes', { text: noteText.value });
        refresh();
      } catch (e) { failed(e); }
    } }));
  }
  left.append(noteBox);

  // Transcript with delivery states of staff replies.
  const delivery = Object.fromEntries((c.deliveries || []).map(d => [d.messageSeq, d]));
  const transcript = el('ol', { class: 'transcript', id: 'case-transcript' },
    (c.transcript || []).map(m => {
      const d = delivery[m.seq];
      let state = null;
      if (m.origin === 'staff') {
        const key = PUSHED.includes(c.channel) ? (d ? d.state : 'queued') : 'delivered';
        state = el('span', { class: 'delivery delivery-' + key, text: DELIVERY[key] || key,
          title: d && d.reason ? d.reason : '' });
      }
      return el('li', { class: 'msg ' + m.direction + ' origin-' + m.origin, dataset: { seq: m.seq } },
        el('div', { class: 'meta' }, (ORIGIN[m.origin] || m.origin) + ' · ' + when(m.at), state ? ' · ' : '', state),
        el('div', { class: 'text', text: m.text == null ? '(nội dung đã xoá theo thời hạn lưu trữ)' : m.text }));
    }));
  right.append(el('section', { class: 'card' }, el('h2', { text: 'Cuộc trò chuyện' }), transcript));
  transcript.scrollTop = transcript.scrollHeight; // newest messages in view

  // Work on the case.
  const work = el('section', { class: 'card', id: 'case-actions' }, el('h2', { text: 'Xử lý' }));
  if (readOnly) {
    work.append(el('p', { class: 'muted', text: 'Hồ sơ đã đóng: chỉ xem.' }));
  } else if (c.status === 'new') {
    work.append(el('button', { type: 'button', class: 'btn primary', id: 'case-claim', text: 'Nhận xử lý hồ sơ này',
      onclick: () => act('claim', {}, 'Đã nhận hồ sơ') }));
  } else {
    const reply = el('textarea', { id: 'reply-text', rows: 4, maxlength: 2000, 'aria-label': 'Trả lời công dân' });
    const outcome = el('input', { id: 'resolve-outcome', maxlength: 500, placeholder: 'Kết quả giải quyết', 'aria-label': 'Kết quả giải quyết' });
    work.append(
      el('label', { for: 'reply-text', text: 'Trả lời công dân (gửi qua kênh của họ)' }), reply,
      el('div', { class: 'row' },
        el('button', { type: 'button', class: 'btn primary', id: 'reply-send', text: 'Gửi trả lời', onclick: async () => {
          if (!reply.value.trim()) return;
          const result = await act('reply', { text: reply.value }, 'Đã gửi trả lời');
          if (result) reply.value = '';
        } }),
        el('button', { type: 'button', class: 'btn', id: 'case-handback', text: 'Trả lại cho trợ lý tự động',
          onclick: () => act('handback', {}, 'Đã trả lại cho trợ lý') })),
      el('div', { class: 'row' }, outcome,
        el('button', { type: 'button', class: 'btn', id: 'case-resolve', text: 'Đánh dấu đã giải quyết', onclick: () => {
          if (!outcome.value.trim()) { toast('Ghi kết quả giải quyết trước.', 'error'); outcome.focus(); return; }
          act('resolve', { outcome: outcome.value }, 'Đã giải quyết hồ sơ');
        } })));
  }
  right.prepend(work);

  if (!main.isConnected) return; // superseded by another view meanwhile
  // Keep the open case current when it changes elsewhere (citizen writes, colleague acts).
  const events = new EventSource('/api/v1/staff/events');
  let timer = null;
  events.addEventListener('case-changed', () => {
    const typing = document.activeElement && ['reply-text', 'note-text', 'resolve-outcome'].includes(document.activeElement.id)
      && document.activeElement.value;
    if (!typing) { clearTimeout(timer); timer = setTimeout(refresh, 300); }
  });
  session.cleanup.push(() => { events.close(); clearTimeout(timer); });
}
