// The citizen's case page (/c/<code>): asks for the short check unless the link carried it (#k=…), then shows
// status, appointment day, what to bring, the office and the staff's messages. Data only ever goes in as text.
const T = {
  vi: {
    brand: 'Hồ sơ của bạn', other: 'English', loading: 'Đang tải…', title: 'Hồ sơ của bạn – WardDesk',
    ask: 'Để xem hồ sơ, nhập 3 số cuối của số điện thoại bạn đã cho, hoặc mã kiểm tra 4 số in trên phiếu hẹn.',
    check: 'Mã kiểm tra', open: 'Xem hồ sơ', wrong: 'Mã hồ sơ và mã kiểm tra không khớp. Kiểm tra lại phiếu hẹn.',
    busy: 'Bạn đã thử quá nhiều lần. Vui lòng đợi một phút rồi thử lại.', bad: 'Mã hồ sơ không đúng dạng (ví dụ PH-2026-1234567).',
    offline: 'Không kết nối được. Vui lòng thử lại sau.', code: 'Mã hồ sơ', procedure: 'Thủ tục', day: 'Ngày hẹn đến',
    noDay: 'Cán bộ sẽ liên hệ để hẹn ngày.', bring: 'Cần mang theo', fee: 'Lệ phí', office: 'Nơi nộp và giờ làm việc',
    messages: 'Tin nhắn từ cán bộ', none: 'Chưa có tin nhắn nào.', updated: 'Cập nhật lúc', locale: 'vi-VN',
  },
  en: {
    brand: 'Your case', other: 'Tiếng Việt', loading: 'Loading…', title: 'Your case – WardDesk',
    ask: 'To see your case, enter the last 3 digits of the phone number you gave, or the 4-digit check printed on your slip.',
    check: 'Check', open: 'Show my case', wrong: 'The case code and the check do not match. Please look at your slip again.',
    busy: 'Too many tries. Please wait a minute and try again.', bad: 'That is not a case code (e.g. PH-2026-1234567).',
    offline: 'Cannot connect. Please try again later.', code: 'Case code', procedure: 'Procedure', day: 'Appointment day',
    noDay: 'An officer will contact you to set a day.', bring: 'What to bring', fee: 'Fee', office: 'Where to go and opening hours',
    messages: 'Messages from the ward officer', none: 'No messages yet.', updated: 'Updated', locale: 'en-GB',
  },
};

const main = document.getElementById('main');
const code = decodeURIComponent(location.pathname.split('/').filter(Boolean).pop() || '');
let lang = new URLSearchParams(location.search).get('lang') === 'en' ? 'en' : 'vi';
let check = new URLSearchParams(location.hash.slice(1)).get('k') || '';

function el(tag, props = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(props)) {
    if (value === undefined || value === null) continue;
    if (key === 'text') node.textContent = String(value);
    else if (key === 'class') node.className = value;
    else node.setAttribute(key, String(value));
  }
  for (const child of children.flat()) if (child !== null && child !== undefined) node.append(child);
  return node;
}

function clear() {
  while (main.firstChild) main.removeChild(main.firstChild);
}

function t(key) {
  return T[lang][key];
}

function frame() {
  document.documentElement.lang = lang;
  document.title = t('title');
  document.getElementById('brand').textContent = t('brand');
  const other = document.getElementById('lang');
  other.textContent = t('other');
  other.setAttribute('lang', lang === 'vi' ? 'en' : 'vi');
}

function day(iso) {
  const [y, m, d] = iso.split('-').map(Number);
  return new Intl.DateTimeFormat(t('locale'), { weekday: 'long', day: '2-digit', month: '2-digit', year: 'numeric', timeZone: 'UTC' })
    .format(new Date(Date.UTC(y, m - 1, d)));
}

function when(iso) {
  return new Intl.DateTimeFormat(t('locale'), { timeZone: 'Asia/Ho_Chi_Minh', day: '2-digit', month: '2-digit', hour: '2-digit', minute: '2-digit' })
    .format(new Date(iso));
}

function askForCheck(message) {
  clear();
  const input = el('input', { id: 'check', inputmode: 'numeric', autocomplete: 'off', maxlength: 4, pattern: '[0-9]{3,4}', required: '' });
  input.value = check;
  const form = el('form', { id: 'check-form', class: 'card' },
    el('h1', { text: t('code') + ': ' + code }),
    el('p', { text: t('ask') }),
    el('label', { for: 'check', text: t('check') }), input,
    el('p', { class: 'error', id: 'check-error', role: 'alert', text: message || '' }),
    el('button', { type: 'submit', class: 'primary', id: 'check-open', text: t('open') }));
  form.addEventListener('submit', event => {
    event.preventDefault();
    check = input.value.trim();
    load();
  });
  main.append(form);
  if (!message) input.focus();
}

async function load() {
  frame();
  if (!check) {
    askForCheck('');
    return;
  }
  let response;
  try {
    response = await fetch('/api/v1/cases/' + encodeURIComponent(code) + '/page?check=' + encodeURIComponent(check)
      + '&locale=' + lang, { headers: { Accept: 'application/json' }, cache: 'no-store', referrerPolicy: 'no-referrer' });
  } catch (e) {
    askForCheck(t('offline'));
    return;
  }
  if (response.status === 404) { askForCheck(t('wrong')); return; }
  if (response.status === 429) { askForCheck(t('busy')); return; }
  if (response.status === 400) { askForCheck(t('bad')); return; }
  if (!response.ok) { askForCheck(t('offline')); return; }
  show(await response.json());
}

function show(c) {
  clear();
  main.append(el('section', { class: 'card', id: 'case-summary' },
    el('h1', { text: t('code') + ': ' + c.code }),
    el('p', {}, el('span', { class: 'status status-' + c.status, id: 'case-status', text: c.statusLabel })),
    c.procedureName ? el('p', { id: 'case-procedure', text: t('procedure') + ': ' + c.procedureName }) : null,
    el('p', { class: 'muted', text: t('updated') + ' ' + when(c.updatedAt) })));
  main.append(el('section', { class: 'card', id: 'case-day' }, el('h2', { text: t('day') }),
    c.appointmentDay ? el('p', { class: 'day', text: day(c.appointmentDay) }) : el('p', { text: t('noDay') })));
  if (c.bring) {
    main.append(el('section', { class: 'card', id: 'case-bring' }, el('h2', { text: t('bring') }),
      el('p', { text: c.bring.text }), el('ul', {}, c.bring.items.map(item => el('li', { text: item })))));
  }
  // The fee and the office are the case's own ward's (a province hosts many wards in one deployment).
  if (c.fee) {
    main.append(el('section', { class: 'card', id: 'case-fee' }, el('h2', { text: t('fee') }),
      el('p', { text: c.fee.text })));
  }
  main.append(el('section', { class: 'card', id: 'case-office' }, el('h2', { text: t('office') }),
    c.office.name ? el('p', { id: 'case-office-name', text: c.office.name }) : null, el('p', { text: c.office.where }), el('p', { text: c.office.hoursNow }),
    el('ul', {}, c.office.hours.map(item => el('li', { text: item })))));
  main.append(el('section', { class: 'card', id: 'case-messages' }, el('h2', { text: t('messages') }),
    c.messages.length === 0 ? el('p', { class: 'muted', text: t('none') })
      : c.messages.map(m => el('div', { class: 'msg' }, el('div', { class: 'when', text: when(m.at) }), el('div', { class: 'text', text: m.text })))));
}

document.getElementById('lang').addEventListener('click', () => {
  lang = lang === 'vi' ? 'en' : 'vi';
  load();
});
load();
