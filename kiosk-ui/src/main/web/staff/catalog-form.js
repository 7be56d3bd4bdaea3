// Form-based procedure editor beside the raw JSON ("advanced") tab: fields per aspect, document rows (add, remove,
// reorder), fee and processing time as structured values, sources, a side-by-side preview as the kiosk and the chat
// show it (rendered by the server from the draft), field-level validation in Vietnamese and English, and the list of
// changes before anything is published. Keys the form does not know are kept as they are.
import { api } from './api.js';
import { el, clear, toast } from './dom.js';
import { failed } from './app.js';
import { t, lang } from './i18n.js';

const KINDS = [['form', 'Tờ khai', 'Form'], ['original', 'Bản chính', 'Original'], ['copy', 'Bản sao', 'Copy'],
  ['certified_copy', 'Bản sao có chứng thực', 'Certified copy'], ['show_original', 'Xuất trình bản chính', 'Show the original']];
const CHANNELS = [['desk', 'Tại quầy', 'At the desk'], ['portal', 'Cổng Dịch vụ công', 'Public service portal'],
  ['vneid', 'VNeID', 'VNeID'], ['post', 'Bưu chính', 'Post']];

/** The server's validation wording, said in the console's language. */
export function problemText(problem) {
  const rules = [
    [/^is required$|^(Vietnamese|English) text is required/, () => t('Bắt buộc phải điền.', 'Required.')],
    [/^is required \(with vi and en\)/, () => t('Cần điền cả tiếng Việt và tiếng Anh.', 'Needs both Vietnamese and English.')],
    [/^must be at most (\d+) characters/, m => t('Tối đa ' + m[1] + ' ký tự.', 'At most ' + m[1] + ' characters.')],
    [/^must not be negative/, () => t('Không được là số âm.', 'Must not be negative.')],
    [/^must be between (\d+) and (\d+)/, m => t('Phải từ ' + m[1] + ' đến ' + m[2] + '.', 'Must be between ' + m[1] + ' and ' + m[2] + '.')],
    [/^must be one of/, () => t('Hãy chọn một giá trị trong danh sách.', 'Choose one of the listed values.')],
    [/^must start with https:\/\/ or http:\/\//, () => t('Địa chỉ phải bắt đầu bằng https:// hoặc http://', 'The address must start with https:// or http://')],
    [/^must be left out while .*uncertain is true/, () => t('Bỏ trống con số khi đánh dấu "chưa chắc chắn" (không bao giờ hiện số chưa kiểm chứng).',
      'Leave the figure empty while it is marked uncertain (an unverified figure is never shown).')],
    [/^must not be empty|^needs at least one/, () => t('Cần ít nhất một mục.', 'Needs at least one entry.')],
  ];
  for (const [pattern, say] of rules) {
    const m = pattern.exec(problem);
    if (m) return say(m);
  }
  return problem;
}

/** The origin of a field ("fee.text.vi", "documents[2].kind") in the API's provenance: its own entry or its parent's. */
export function originOf(provenance, key) {
  if (!provenance) return null;
  let path = key.replace(/\[.*$/, '');
  while (path) {
    if (provenance[path]) return provenance[path];
    const dot = path.lastIndexOf('.');
    path = dot < 0 ? '' : path.slice(0, dot);
  }
  return null;
}

/** "province:demo-hue" → "Nguồn: tỉnh demo-hue" / "From: province demo-hue". */
export function originText(origin) {
  const [layer, id] = origin.split(':');
  if (layer === 'province') return t('Nguồn: tỉnh ', 'From: province ') + id;
  if (layer === 'ward') return t('Nguồn: phường ', 'From: ward ') + id;
  return t('Nguồn: văn bản quốc gia', 'From: national text');
}

function copy(value) {
  return JSON.parse(JSON.stringify(value));
}

function get(object, path) {
  return path.reduce((node, key) => (node === null || node === undefined ? undefined : node[key]), object);
}

function set(object, path, value) {
  let node = object;
  for (let i = 0; i < path.length - 1; i++) {
    if (node[path[i]] === null || node[path[i]] === undefined || typeof node[path[i]] !== 'object') node[path[i]] = {};
    node = node[path[i]];
  }
  node[path[path.length - 1]] = value;
}

/** "documents.2.text.vi" as the server writes it: "documents[2].text.vi". */
function serverPath(path) {
  return path.map((p, i) => (typeof p === 'number' ? '[' + p + ']' : (i ? '.' : '') + p)).join('');
}

/**
 * Draws the form and its tabs into {@code body}; returns the panel where the caller puts the raw JSON editor.
 * {@code onPublished} reloads the editor after a new version is live.
 */
export function catalogForm(body, { id, base, current, onPublished }) {
  let draft = copy(current.content);
  let checked = null; // JSON of the draft the last clean preview was made from: publishing needs it to be current
  const inputs = new Map(); // server path -> { input, error }
  let uid = 0;

  const formTab = el('button', { type: 'button', role: 'tab', id: 'catalog-tab-form', class: 'tab active', 'aria-selected': 'true', 'aria-controls': 'catalog-panel-form', text: t('Biểu mẫu', 'Form') });
  const jsonTab = el('button', { type: 'button', role: 'tab', id: 'catalog-tab-json', class: 'tab', 'aria-selected': 'false', 'aria-controls': 'catalog-panel-json', tabindex: -1, text: t('Nâng cao (JSON)', 'Advanced (JSON)') });
  const formPanel = el('div', { role: 'tabpanel', id: 'catalog-panel-form', 'aria-labelledby': 'catalog-tab-form' });
  const jsonPanel = el('div', { role: 'tabpanel', id: 'catalog-panel-json', 'aria-labelledby': 'catalog-tab-json', hidden: true });
  const select = (which) => {
    const form = which === 'form';
    formTab.classList.toggle('active', form);
    jsonTab.classList.toggle('active', !form);
    formTab.setAttribute('aria-selected', String(form));
    jsonTab.setAttribute('aria-selected', String(!form));
    formTab.tabIndex = form ? 0 : -1;
    jsonTab.tabIndex = form ? -1 : 0;
    formPanel.hidden = !form;
    jsonPanel.hidden = form;
  };
  formTab.addEventListener('click', () => select('form'));
  jsonTab.addEventListener('click', () => select('json'));
  const tabs = el('div', { class: 'tabs', role: 'tablist', 'aria-label': t('Cách sửa', 'Editing mode') }, formTab, jsonTab);
  tabs.addEventListener('keydown', event => {
    if (event.key === 'ArrowRight' || event.key === 'ArrowLeft') {
      const toForm = jsonTab === document.activeElement;
      select(toForm ? 'form' : 'json');
      (toForm ? formTab : jsonTab).focus();
    }
  });
  body.append(tabs, formPanel, jsonPanel);

  const form = el('form', { class: 'catalog-form', id: 'catalog-form', novalidate: true });
  const preview = el('div', { class: 'catalog-preview', id: 'catalog-preview', 'aria-live': 'polite' },
    el('p', { class: 'muted', text: t('Bấm "Xem trước và kiểm tra" để thấy nội dung như trên kiosk và trong trò chuyện.',
      'Press "Preview and check" to see the content as the kiosk and the chat show it.') }));
  const summary = el('div', { id: 'catalog-problems', role: 'alert' });
  const diff = el('div', { id: 'catalog-diff' });
  const publish = el('button', { type: 'button', class: 'btn primary', id: 'catalog-publish', disabled: true, text: t('Xuất bản phiên bản mới', 'Publish a new version') });
  const check = el('button', { type: 'button', class: 'btn', id: 'catalog-check', text: t('Xem trước và kiểm tra', 'Preview and check') });
  formPanel.append(el('div', { class: 'editor-columns' },
    el('div', {}, form, summary, diff, el('div', { class: 'row' }, check, publish)),
    // Sticky beside a long form; scrollable, so reachable by keyboard (tabindex) and named for screen readers.
    el('section', { class: 'card preview-card', tabindex: 0, 'aria-label': t('Xem trước', 'Preview') }, el('h2', { text: t('Xem trước', 'Preview') }), preview)));

  function changed() {
    checked = null;
    publish.disabled = true;
  }

  function field(path, label, { type = 'text', multiline = false, options = null, rows = 3 } = {}) {
    const key = serverPath(path);
    const idAttr = 'cf-' + (++uid);
    const value = get(draft, path);
    let input;
    if (options) {
      input = el('select', { id: idAttr, dataset: { path: key } }, options.map(([v, vi, en]) => el('option', { value: v, text: t(vi, en), selected: v === value })));
    } else if (type === 'checkbox') {
      input = el('input', { id: idAttr, type: 'checkbox', checked: value === true, dataset: { path: key } });
    } else if (multiline) {
      input = el('textarea', { id: idAttr, rows, dataset: { path: key } });
      input.value = value ?? '';
    } else {
      input = el('input', { id: idAttr, type, dataset: { path: key } });
      input.value = value ?? '';
    }
    const error = el('span', { class: 'field-error', id: idAttr + '-error' });
    input.setAttribute('aria-describedby', error.id);
    input.addEventListener(type === 'checkbox' || options ? 'change' : 'input', () => {
      let v;
      if (type === 'checkbox') v = input.checked;
      else if (type === 'number') v = input.value.trim() === '' ? null : Number(input.value);
      else v = input.value;
      set(draft, path, v);
      input.removeAttribute('aria-invalid');
      error.textContent = '';
      changed();
    });
    inputs.set(key, { input, error });
    // Where this field's live value comes from: the national text, the province's values or the ward's own edit.
    const origin = originOf(current.provenance, key);
    const source = origin ? el('span', { class: 'origin muted', dataset: { origin }, text: originText(origin) }) : null;
    return el('div', { class: 'form-field' + (type === 'checkbox' ? ' inline' : '') },
      type === 'checkbox' ? [input, el('label', { for: idAttr, text: label }), source]
        : [el('label', { for: idAttr, text: label }), source, input], error);
  }

  function pair(path, label, options = {}) {
    return el('div', { class: 'pair' },
      field([...path, 'vi'], label + t(' (tiếng Việt)', ' (Vietnamese)'), options),
      field([...path, 'en'], label + t(' (tiếng Anh)', ' (English)'), options));
  }

  function fieldset(legend, ...children) {
    return el('fieldset', { class: 'card' }, el('legend', { text: legend }), children);
  }

  function rows(listPath, render, blank, addLabel, idPrefix) {
    const box = el('div', { class: 'rows', id: idPrefix });
    const list = () => {
      if (!Array.isArray(get(draft, listPath))) set(draft, listPath, []);
      return get(draft, listPath);
    };
    const move = (from, to) => {
      const items = list();
      const [item] = items.splice(from, 1);
      items.splice(to, 0, item);
      changed();
      redraw();
    };
    const redraw = () => {
      for (const key of [...inputs.keys()]) if (key.startsWith(serverPath(listPath) + '[')) inputs.delete(key);
      clear(box);
      list().forEach((item, i) => {
        const n = i + 1;
        box.append(el('div', { class: 'row-item', dataset: { index: i } },
          el('div', { class: 'row-tools' },
            el('span', { class: 'row-number', text: '#' + n }),
            el('button', { type: 'button', class: 'btn small up', disabled: i === 0, 'aria-label': t('Đưa mục ' + n + ' lên', 'Move item ' + n + ' up'), text: '↑', onclick: () => move(i, i - 1) }),
            el('button', { type: 'button', class: 'btn small down', disabled: i === list().length - 1, 'aria-label': t('Đưa mục ' + n + ' xuống', 'Move item ' + n + ' down'), text: '↓', onclick: () => move(i, i + 1) }),
            el('button', { type: 'button', class: 'btn small remove', 'aria-label': t('Xoá mục ', 'Remove item ') + n, text: t('Xoá', 'Remove'), onclick: () => { list().splice(i, 1); changed(); redraw(); } })),
          render([...listPath, i], item)));
      });
      box.append(el('button', { type: 'button', class: 'btn small add', id: idPrefix + '-add', text: addLabel, onclick: () => { list().push(blank()); changed(); redraw(); } }));
    };
    redraw();
    return box;
  }

  function sourceFields(path, source) {
    // title, ref, url, and any date the content carries (access date, in-force dates…) as a date field.
    const known = [['title', t('Tên văn bản / bài viết', 'Title')], ['number', t('Số hiệu', 'Number')],
      ['issuer', t('Cơ quan ban hành', 'Issued by')], ['url', t('Địa chỉ web', 'Web address')]];
    const extra = Object.keys(source || {}).filter(k => !known.some(([key]) => key === k));
    return [
      ...known.map(([key, label]) => field([...path, key], label, { type: key === 'url' ? 'url' : 'text' })),
      ...extra.map(key => field([...path, key], key === 'primary' ? t('Văn bản gốc (nguồn chính thức)', 'Primary text (official source)')
        : key === 'accessed' ? t('Ngày truy cập', 'Accessed on') : key.replace(/_/g, ' '),
      { type: key === 'primary' ? 'checkbox' : /date|accessed|in_force|_from|_to|_at$/.test(key) ? 'date' : 'text' })),
    ];
  }

  function channelBoxes() {
    const chosen = () => get(draft, ['online', 'channels']) || [];
    return el('fieldset', { class: 'channels' }, el('legend', { text: t('Kênh nộp', 'Where to file') }),
      CHANNELS.map(([key, vi, en]) => {
        const box = el('input', { type: 'checkbox', id: 'cf-channel-' + key, checked: chosen().includes(key) });
        box.addEventListener('change', () => {
          const next = CHANNELS.map(([k]) => k).filter(k => (k === key ? box.checked : chosen().includes(k)));
          set(draft, ['online', 'channels'], next);
          changed();
        });
        return el('span', { class: 'check' }, box, el('label', { for: 'cf-channel-' + key, text: t(vi, en) }));
      }),
      el('span', { class: 'field-error', id: 'cf-channels-error' }));
  }

  form.append(
    fieldset(t('Thông tin chung', 'General'),
      pair(['name'], t('Tên thủ tục', 'Procedure name')),
      pair(['summary'], t('Tóm tắt', 'Summary'), { multiline: true }),
      pair(['authority'], t('Cơ quan giải quyết', 'Handled by')),
      field(['reviewed'], t('Ngày rà soát nội dung', 'Content reviewed on'), { type: 'date' })),
    fieldset(t('Giấy tờ cần nộp', 'Documents'),
      rows(['documents'], (path, doc) => el('div', {},
        pair([...path, 'text'], t('Giấy tờ', 'Document')),
        el('div', { class: 'pair' },
          field([...path, 'kind'], t('Loại', 'Kind'), { options: KINDS }),
          field([...path, 'count'], t('Số bản', 'Copies'), { type: 'number' })),
        pair([...path, 'note'], t('Ghi chú (không bắt buộc)', 'Note (optional)'))),
      () => ({ text: { vi: '', en: '' }, kind: 'original', count: 1, note: null }), t('+ Thêm giấy tờ', '+ Add a document'), 'cf-documents')),
    fieldset(t('Lệ phí', 'Fee'),
      field(['fee', 'amount_vnd'], t('Số tiền (đồng; để trống nếu chưa chắc)', 'Amount (VND; empty when not sure)'), { type: 'number' }),
      field(['fee', 'uncertain'], t('Chưa chắc chắn: công dân được hỏi lại tại quầy', 'Not sure: citizens are asked to confirm at the desk'), { type: 'checkbox' }),
      pair(['fee', 'text'], t('Giải thích lệ phí', 'Fee explained'), { multiline: true }),
      pair(['fee', 'late_fine'], t('Phạt nộp muộn (không bắt buộc)', 'Late fine (optional)'), { multiline: true })),
    fieldset(t('Thời gian giải quyết', 'Processing time'),
      field(['processing_time', 'working_days'], t('Số ngày làm việc (để trống nếu chưa chắc)', 'Working days (empty when not sure)'), { type: 'number' }),
      field(['processing_time', 'uncertain'], t('Chưa chắc chắn', 'Not sure'), { type: 'checkbox' }),
      pair(['processing_time', 'text'], t('Giải thích thời gian', 'Time explained'), { multiline: true })),
    fieldset(t('Ai được làm', 'Eligibility'), pair(['eligibility'], t('Điều kiện', 'Who may apply'), { multiline: true })),
    fieldset(t('Nộp trực tuyến', 'Online'), channelBoxes(), pair(['online', 'text'], t('Hướng dẫn', 'How'), { multiline: true })),
    fieldset(t('Nguồn', 'Sources'),
      rows(['sources'], (path, source) => el('div', {}, sourceFields(path, source)),
        () => ({ title: '', number: '', issuer: '', url: null, accessed: new Date().toISOString().slice(0, 10), primary: false }), t('+ Thêm nguồn', '+ Add a source'), 'cf-sources')));
  // An empty URL means "no URL", not an empty string the server would reject.
  form.addEventListener('input', event => {
    const path = event.target.dataset && event.target.dataset.path;
    if (path && /^sources\[\d+\]\.url$/.test(path) && event.target.value.trim() === '') {
      set(draft, ['sources', Number(path.match(/\d+/)[0]), 'url'], null);
    }
    if (path && /^documents\[\d+\]\.note\.(vi|en)$/.test(path)) {
      const i = Number(path.match(/\d+/)[0]);
      const note = draft.documents[i].note;
      if (note && !note.vi && !note.en) draft.documents[i].note = null;
    }
  });

  function showProblems(problems) {
    for (const { input, error } of inputs.values()) {
      input.removeAttribute('aria-invalid');
      error.textContent = '';
    }
    clear(summary);
    if (!problems.length) return;
    const list = el('ul', {});
    for (const p of problems) {
      const target = inputs.get(p.field);
      const message = problemText(p.problem);
      if (target) {
        target.input.setAttribute('aria-invalid', 'true');
        target.error.textContent = message;
      }
      const label = target ? document.querySelector('label[for="' + target.input.id + '"]') : null;
      list.append(el('li', {}, el('strong', { text: (label ? label.textContent : p.field) + ': ' }), message));
    }
    summary.append(el('div', { class: 'banner warn' },
      el('p', { text: t(problems.length + ' chỗ cần sửa trước khi xuất bản:', problems.length + ' problem(s) to fix before publishing:') }), list));
  }

  function showDiff(changes) {
    clear(diff);
    diff.append(el('h3', { text: t('Thay đổi so với phiên bản đang dùng', 'Changes against the live version') }));
    if (!changes.length) {
      diff.append(el('p', { class: 'muted', text: t('Không có thay đổi.', 'No changes.') }));
      return;
    }
    const value = v => (v === null || v === undefined ? '∅' : typeof v === 'object' ? JSON.stringify(v) : String(v));
    diff.append(el('table', { class: 'grid diff-table' },
      el('thead', {}, el('tr', {}, [t('Mục', 'Field'), t('Trước', 'Before'), t('Sau', 'After')].map(h => el('th', { text: h })))),
      el('tbody', {}, changes.map(c => el('tr', {},
        el('td', { class: 'mono', text: c.path }), el('td', { class: 'before', text: value(c.old) }), el('td', { class: 'after', text: value(c.new) }))))));
  }

  function showPreview(result) {
    clear(preview);
    if (!result.vi) {
      preview.append(el('p', { class: 'muted', text: t('Sửa các lỗi để xem trước.', 'Fix the problems to see a preview.') }));
      return;
    }
    let shown = lang;
    const pane = el('div', {});
    const switcher = el('button', { type: 'button', class: 'btn small', id: 'preview-language' });
    const draw = () => {
      const view = result[shown];
      switcher.textContent = shown === 'vi' ? t('Xem bản tiếng Anh', 'Show in English') : t('Xem bản tiếng Việt', 'Show in Vietnamese');
      clear(pane).append(el('div', { class: 'preview-columns' },
        el('div', { class: 'kiosk-preview', id: 'preview-kiosk', lang: shown },
          el('h3', { text: t('Trên kiosk', 'On the kiosk') }),
          el('div', { class: 'kiosk-card' },
            el('p', { class: 'kiosk-title', text: view.name }), el('p', { text: view.summary }),
            el('p', { class: 'kiosk-label', text: view.aspects.documents.label }),
            el('ol', {}, view.documents.map(d => el('li', {}, d.text + ' (' + d.kindLabel + (d.count > 1 ? ' × ' + d.count : '') + ')',
              d.note ? el('div', { class: 'muted', text: d.note }) : null))),
            el('p', { class: 'kiosk-label', text: view.aspects.fee.label }), el('p', { text: view.aspects.fee.text }),
            el('p', { class: 'kiosk-label', text: view.aspects.processing_time.label }), el('p', { text: view.aspects.processing_time.text }))),
        el('div', { class: 'chat-preview', id: 'preview-chat', lang: shown },
          el('h3', { text: t('Trong trò chuyện', 'In the chat') }),
          ['general', 'documents', 'fee', 'processing_time'].map(aspect => {
            const a = view.aspects[aspect];
            return el('div', { class: 'bubble' }, el('div', { text: a.text }),
              a.items.length ? el('ul', {}, a.items.map(item => el('li', { text: item }))) : null,
              el('div', { class: 'chips' }, a.followUps.map(f => el('span', { class: 'chip', text: f.label }))));
          }))));
    };
    switcher.addEventListener('click', () => { shown = shown === 'vi' ? 'en' : 'vi'; draw(); });
    draw();
    preview.append(switcher, pane);
  }

  check.addEventListener('click', async () => {
    const sent = JSON.stringify(draft);
    try {
      const result = await api('POST', base + '/preview', draft);
      showProblems(result.problems);
      showDiff(result.changes);
      showPreview(result);
      if (result.problems.length === 0 && JSON.stringify(draft) === sent) {
        checked = sent;
        publish.disabled = result.changes.length === 0;
      }
    } catch (e) {
      failed(e);
    }
  });

  publish.addEventListener('click', async () => {
    if (checked !== JSON.stringify(draft)) {
      toast(t('Nội dung đã đổi sau lần kiểm tra: hãy xem trước lại.', 'The content changed after the check: preview again.'), 'error');
      publish.disabled = true;
      return;
    }
    try {
      const saved = await api('PUT', base, draft, { 'If-Match': String(current.version) });
      toast(saved.unchanged ? t('Không có thay đổi.', 'No changes.') : t('Đã xuất bản phiên bản ', 'Published version ') + saved.version + '.');
      onPublished();
    } catch (e) {
      if (e.details && e.details.length) showProblems(e.details);
      else failed(e);
    }
  });

  return jsonPanel;
}
