// One case: procedure, fields, consent, transcript, notes, reply with delivery state, hand back, resolve.
// Everything is shown in people's words: field labels from the procedure's intake definitions, the consent as a
// sentence, pressed buttons by their label, and where each staff reply really went.
import { api } from './api.js';
import { el, when, day, toast } from './dom.js';
import { failed, session, show } from './app.js';
import { statusLabel } from './queue.js';
import { procedureNames, procedureLabel } from './names.js';
import { t, pick } from './i18n.js';
import { actionLabel, channelLabel } from './labels.js';

const ORIGIN = () => ({ citizen: t('Công dân', 'Citizen'), bot: t('Trợ lý tự động', 'Assistant'), staff: t('Cán bộ', 'Officer') });

/** Where a staff reply went, in one honest sentence (the server records the route when the reply is written). */
export function deliveryText(d, c, phone) {
  const platform = channelLabel(d.channel || c.channel);
  const fallback = phone
    ? t(' — xem trên trang hồ sơ, hoặc gọi ' + phone, ' — visible on the case page, or call ' + phone)
    : t(' — xem trên trang hồ sơ', ' — visible on the case page');
  switch (d.state) {
    case 'queued': return t('Đang chờ gửi qua ' + platform, 'Waiting to be sent on ' + platform);
    case 'sent': return t('Đã gửi qua ' + platform, 'Sent on ' + platform) + (d.sentAt ? ' ' + t('lúc ', 'at ') + when(d.sentAt) : '')
      + (d.platformMessageId ? t(' (mã tin ', ' (message id ') + d.platformMessageId + ')' : '');
    case 'failed': return t('Không gửi được qua ' + platform, 'Not delivered on ' + platform) + fallback;
    case 'web_open': return t('Hiện trong cuộc trò chuyện ' + platform + ' đang mở của công dân',
      'Shown in the citizen\'s open ' + platform + ' conversation') + t(' (cũng có trên trang hồ sơ)', ' (also on the case page)');
    case 'case_page': return t('Công dân không còn trong cuộc trò chuyện', 'Citizen not reachable in chat') + fallback;
    default: return t('Không rõ (trả lời trước khi có ghi nhận nơi gửi)', 'Unknown (written before delivery routes were recorded)');
  }
}

const DELIVERY_CLASS = { queued: 'queued', sent: 'sent', failed: 'failed', web_open: 'sent', case_page: 'failed' };

function consentSentence(k) {
  const at = when(k.at);
  const how = k.method === 'typed' ? t('bằng cách nhắn tin', 'by typing it') : t('bằng cách bấm nút', 'by pressing the button');
  const notice = t(', phiên bản thông báo ', ', notice version ') + k.noticeVersion;
  switch (k.decision) {
    case 'agree': return t('Đã đồng ý ' + how + ' lúc ' + at, 'Agreed ' + how + ' on ' + at) + notice;
    case 'decline': return t('Đã từ chối ' + how + ' lúc ' + at, 'Declined ' + how + ' on ' + at) + notice;
    default: return t('Đã rút lại ' + how + ' lúc ' + at, 'Withdrawn ' + how + ' on ' + at) + notice;
  }
}

function fieldValue(def, value) {
  if (value === null || value === undefined) return t('(đã xoá)', '(erased)');
  if (def && def.type === 'date') return day(value);
  if (def && def.type === 'choice' && def.choices && def.choices[value]) return pick(def.choices[value]);
  return value;
}

export async function caseView(main, code) {
  const path = 'cases/' + encodeURIComponent(code);
  let c;
  try {
    c = await api('GET', path);
  } catch (e) {
    if (e.status === 404) {
      main.append(el('div', { class: 'card', id: 'case-missing' },
        el('h1', { text: t('Không tìm thấy hồ sơ', 'Case not found') }),
        el('p', { text: t('Không có hồ sơ này trong phường của bạn.', 'Your ward has no such case.') }),
        el('a', { href: '#/queue', text: t('← Về danh sách', '← Back to the list') })));
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
  main.append(el('p', {}, el('a', { href: '#/queue', text: t('← Danh sách hồ sơ', '← Case list') })));
  main.append(el('div', { class: 'case-head' },
    el('h1', { id: 'case-code', text: c.code }),
    el('span', { class: 'chip status-' + c.status, id: 'case-status', text: statusLabel(c.status) }),
    el('span', { class: 'muted', text: procedureLabel(names, c.procedure) + ' · ' + channelLabel(c.channel) + ' · '
      + t('tạo ', 'created ') + when(c.createdAt) }),
    c.claimedBy ? el('span', { class: 'muted', text: t('Người xử lý: ', 'Handled by: ') + c.claimedBy }) : null));
  if (c.status === 'withdrawn') {
    main.append(el('div', { class: 'banner warn', id: 'withdrawn-banner', role: 'alert',
      text: t('Công dân đã rút lại sự đồng ý và yêu cầu. Hồ sơ chỉ được xem, không thể xử lý tiếp.',
        'The citizen withdrew their consent and request. The case can be read, not worked.') }));
  }
  if (c.outcome) {
    main.append(el('div', { class: 'banner ok', text: t('Kết quả: ', 'Outcome: ') + c.outcome }));
  }

  const left = el('div', { class: 'col' });
  const right = el('div', { class: 'col' });
  main.append(el('div', { class: 'columns' }, left, right));

  // Collected fields, labelled and ordered by the procedure's intake definitions, and the consent as a sentence.
  const defs = c.fieldDefinitions || [];
  const defOf = name => defs.find(d => d.name === name);
  const labelOf = name => (defOf(name) ? pick(defOf(name).label) : name);
  const values = c.fields || {};
  const names_ = [...defs.map(d => d.name).filter(n => n in values), ...Object.keys(values).filter(n => !defOf(n))];
  const phone = values.phone || null;
  let fields;
  if (names_.length) {
    fields = el('dl', { class: 'fields', id: 'case-fields' },
      names_.map(name => el('div', { class: 'field', dataset: { field: name } },
        el('dt', { text: labelOf(name) }), el('dd', { text: fieldValue(defOf(name), values[name]) }))));
  } else {
    fields = el('p', { class: 'muted', id: 'case-fields', text: t('Không có thông tin cá nhân.', 'No personal details.') });
  }
  left.append(el('section', { class: 'card' }, el('h2', { text: t('Thông tin đã thu thập', 'Details collected') }), fields));

  const consent = el('section', { class: 'card', id: 'case-consent' }, el('h2', { text: t('Đồng ý xử lý dữ liệu', 'Consent to data processing') }));
  if (c.consent) {
    const k = c.consent;
    consent.append(el('p', { id: 'consent-sentence', text: consentSentence(k) + '.' }));
    if (k.withdrawnAt) consent.append(el('p', { class: 'warn-text', text: t('Đã rút lại lúc ', 'Withdrawn on ') + when(k.withdrawnAt) + '.' }));
    consent.append(el('p', { class: 'muted mono', text: t('SHA-256 của văn bản đã hiển thị: ', 'SHA-256 of the text shown: ') + k.textSha256 }));
    if (k.receiptUrl) consent.append(el('a', { href: k.receiptUrl, target: '_blank', rel: 'noopener', id: 'consent-receipt', text: t('Biên nhận đồng ý', 'Consent receipt') }));
  } else {
    consent.append(el('p', { class: 'muted', text: t('Không có bản ghi đồng ý (công dân chỉ xin gặp cán bộ).', 'No consent record (the citizen only asked for an officer).') }));
  }
  left.append(consent);

  // Internal notes.
  const notes = el('ol', { class: 'notes', id: 'case-notes' },
    (c.notes || []).map(n => el('li', { class: 'note' },
      el('div', { class: 'meta', text: n.author + ' · ' + when(n.at) }), el('div', { class: 'text', text: n.text }))));
  const noteText = el('textarea', { id: 'note-text', rows: 3, maxlength: 2000, 'aria-label': t('Ghi chú nội bộ', 'Internal note'), disabled: readOnly && c.status === 'withdrawn' });
  const noteBox = el('section', { class: 'card' }, el('h2', { text: t('Ghi chú nội bộ (công dân không thấy)', 'Internal notes (never shown to the citizen)') }), notes);
  if (c.status !== 'withdrawn') {
    noteBox.append(noteText, el('button', { type: 'button', class: 'btn', id: 'note-add', text: t('Thêm ghi chú', 'Add note'), onclick: async () => {
      if (!noteText.value.trim()) return;
      try {
        await api('POST', path + '/notes', { text: noteText.value });
        refresh();
      } catch (e) { failed(e); }
    } }));
  }
  left.append(noteBox);

  // Transcript: pressed buttons by their label, and where each staff reply went.
  const delivery = Object.fromEntries((c.deliveries || []).map(d => [d.messageSeq, d]));
  const origins = ORIGIN();
  const transcript = el('ol', { class: 'transcript', id: 'case-transcript', tabindex: 0, 'aria-label': t('Cuộc trò chuyện', 'Conversation') },
    (c.transcript || []).map(m => {
      let state = null;
      if (m.origin === 'staff') {
        const d = delivery[m.seq] || { state: 'unknown' };
        state = el('span', { class: 'delivery delivery-' + (DELIVERY_CLASS[d.state] || 'queued'), dataset: { state: d.state },
          text: deliveryText(d, c, phone), title: d.reason || '' });
      }
      let text;
      if (m.action) text = el('div', { class: 'text action', text: t('Đã chọn: ', 'Chose: ') + actionLabel(m.action, names, labelOf) });
      else text = el('div', { class: 'text', text: m.text == null ? t('(nội dung đã xoá theo thời hạn lưu trữ)', '(text erased under the retention rules)') : m.text });
      return el('li', { class: 'msg ' + m.direction + ' origin-' + m.origin, dataset: { seq: m.seq } },
        el('div', { class: 'meta' }, (origins[m.origin] || m.origin) + ' · ' + when(m.at), state ? ' · ' : '', state), text);
    }));
  right.append(el('section', { class: 'card' }, el('h2', { text: t('Cuộc trò chuyện', 'Conversation') }), transcript));
  transcript.scrollTop = transcript.scrollHeight; // newest messages in view

  // Work on the case.
  const work = el('section', { class: 'card', id: 'case-actions' }, el('h2', { text: t('Xử lý', 'Work on the case') }));
  if (readOnly) {
    work.append(el('p', { class: 'muted', text: t('Hồ sơ đã đóng: chỉ xem.', 'The case is closed: read only.') }));
  } else if (c.status === 'new') {
    work.append(el('button', { type: 'button', class: 'btn primary', id: 'case-claim', text: t('Nhận xử lý hồ sơ này', 'Take this case'),
      onclick: () => act('claim', {}, t('Đã nhận hồ sơ', 'Case taken')) }));
  } else {
    const reply = el('textarea', { id: 'reply-text', rows: 4, maxlength: 2000, 'aria-label': t('Trả lời công dân', 'Reply to the citizen') });
    const outcome = el('input', { id: 'resolve-outcome', maxlength: 500, placeholder: t('Kết quả giải quyết', 'Outcome'), 'aria-label': t('Kết quả giải quyết', 'Outcome') });
    work.append(
      el('label', { for: 'reply-text', text: t('Trả lời công dân (gửi qua kênh của họ)', 'Reply to the citizen (sent through their channel)') }), reply,
      el('div', { class: 'row' },
        el('button', { type: 'button', class: 'btn primary', id: 'reply-send', text: t('Gửi trả lời', 'Send reply'), onclick: async () => {
          if (!reply.value.trim()) return;
          const result = await act('reply', { text: reply.value }, t('Đã ghi trả lời', 'Reply written'));
          if (result) reply.value = '';
        } }),
        el('button', { type: 'button', class: 'btn', id: 'case-handback', text: t('Trả lại cho trợ lý tự động', 'Hand back to the assistant'),
          onclick: () => act('handback', {}, t('Đã trả lại cho trợ lý', 'Handed back')) })),
      el('div', { class: 'row' }, outcome,
        el('button', { type: 'button', class: 'btn', id: 'case-resolve', text: t('Đánh dấu đã giải quyết', 'Mark as resolved'), onclick: () => {
          if (!outcome.value.trim()) { toast(t('Ghi kết quả giải quyết trước.', 'Write the outcome first.'), 'error'); outcome.focus(); return; }
          act('resolve', { outcome: outcome.value }, t('Đã giải quyết hồ sơ', 'Case resolved'));
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
