// People's words for the codes the server stores: intents (shared/spec/intents.tsv), aspects, channels, the buttons a
// citizen can press in the chat (the engine's action grammar), consent decisions. Procedures come from the catalog.
import { t } from './i18n.js';

const INTENTS = {
  greeting: ['Chào hỏi', 'Greeting'], thanks: ['Cảm ơn', 'Thanks'], goodbye: ['Tạm biệt', 'Goodbye'],
  affirm: ['Đồng ý / có', 'Yes'], deny: ['Không', 'No'], talk_to_staff: ['Gặp cán bộ', 'Talk to staff'],
  office_hours: ['Giờ làm việc', 'Office hours'], office_location: ['Địa chỉ, nơi nộp hồ sơ', 'Office location'],
  case_status: ['Tra cứu hồ sơ', 'Case status'], privacy_info: ['Bảo vệ dữ liệu cá nhân', 'Privacy information'],
  my_data: ['Xem dữ liệu của tôi', 'My data'], delete_my_data: ['Rút đồng ý, xoá dữ liệu', 'Withdraw consent / delete'],
  out_of_scope: ['Ngoài phạm vi', 'Out of scope'], unclear: ['Chưa rõ ý', 'Unclear'], unknown: ['Không xác định', 'Unknown'],
};
const ASPECTS = {
  general: ['Thông tin chung', 'General'], documents: ['Giấy tờ cần nộp', 'Documents'], fee: ['Lệ phí', 'Fee'],
  processing_time: ['Thời gian giải quyết', 'Processing time'], eligibility: ['Ai được làm', 'Eligibility'],
  online: ['Nộp trực tuyến', 'Online'], apply: ['Nộp yêu cầu / đặt lịch', 'Apply / book'],
};
const CHANNELS = {
  web: ['Web', 'Web'], kiosk: ['Kiosk', 'Kiosk'], telegram: ['Telegram', 'Telegram'], zalo: ['Zalo OA', 'Zalo OA'],
  zalo_mini_app: ['Zalo Mini App', 'Zalo Mini App'],
};
const ACTIONS = {
  'consent:agree': ['Tôi đồng ý', 'I agree'], 'consent:decline': ['Tôi không đồng ý', 'I do not agree'],
  'consent:full': ['Xem toàn văn thông báo', 'Read the full notice'], confirm: ['Xác nhận gửi', 'Confirm and send'],
  skip: ['Bỏ qua', 'Skip'], staff: ['Gặp cán bộ', 'Talk to staff'], restart: ['Bắt đầu lại', 'Start over'],
  receipt: ['Xem biên nhận đồng ý', 'Show the consent receipt'], hours: ['Giờ làm việc', 'Opening hours'],
  location: ['Địa chỉ', 'Address'], status: ['Tra cứu hồ sơ', 'Check my case'], mydata: ['Xem dữ liệu của tôi', 'My data'],
  erase: ['Rút đồng ý, xoá dữ liệu', 'Withdraw consent, erase my data'], 'erase:confirm': ['Xác nhận xoá', 'Confirm erasure'],
  'erase:cancel': ['Không xoá', 'Keep my data'],
};

function from(table, key) {
  const pair = table[key];
  return pair ? t(pair[0], pair[1]) : key;
}

export function intentLabel(key, procedures) {
  return procedures && procedures[key] ? procedures[key] : from(INTENTS, key);
}

export function channelLabel(key) {
  return from(CHANNELS, key);
}

export function aspectLabel(key) {
  return from(ASPECTS, key);
}

/** What the citizen pressed, e.g. "start:birth_registration" → "Start a request: Birth registration". */
export function actionLabel(action, procedures, fieldLabel) {
  const [verb, arg, more] = action.split(':');
  const proc = id => (procedures && procedures[id]) || id;
  switch (verb) {
    case 'start': return t('Bắt đầu yêu cầu: ', 'Start a request: ') + proc(arg);
    case 'ask': return proc(arg) + ' – ' + aspectLabel(more || 'general');
    case 'edit': return t('Sửa: ', 'Edit: ') + (fieldLabel ? fieldLabel(arg) : arg);
    case 'choice': return t('Chọn: ', 'Choice: ') + arg;
    case 'intent': return intentLabel(arg, procedures);
    default: return ACTIONS[action] ? from(ACTIONS, action) : action;
  }
}
