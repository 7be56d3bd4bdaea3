// Ask: the chat with the engine, quick-question chips and the on-screen keyboard.
import { t, list, lang } from '../i18n.js';
import { keyboard } from '../keyboard.js';
import { state } from '../state.js';
import { esc, screen, backButton } from '../dom.js';
import { converse, startPolling } from '../conversation.js';

export function renderAsk() {
  const context = state.askContext;
  const chips = context ? list('chipsProcedure', { name: context.name }) : list('chipsGeneral');
  screen(`
    ${backButton(context ? `#/procedure/${context.id}` : '#/')}
    <h1>${esc(t('askTitle'))}${context ? ` <span class="sub">${esc(context.name)}</span>` : ''}</h1>
    <div class="chat" id="chat" role="log" aria-live="polite" aria-label="${esc(t('askTitle'))}" tabindex="0"></div>
    <form class="composer" id="composer" autocomplete="off">
      <label for="question" class="composer-label">${esc(t('askLabel'))}</label>
      <div class="composer-row">
        <input id="question" name="question" type="text" inputmode="none" autocomplete="off" spellcheck="false" placeholder="${esc(t('askPlaceholder'))}" maxlength="500">
        <button class="btn btn-primary" type="submit">${esc(t('send'))}</button>
      </div>
      ${keyboard('question', lang())}
    </form>
    <div class="chips" role="group" aria-label="${esc(t('quickQuestions'))}">
      ${chips.map((c) => `<button class="chip" data-chip="${esc(c)}">${esc(c)}</button>`).join('')}
    </div>`, { focus: false });
  const chat = document.getElementById('chat');
  state.chatEntries.forEach((entry) => appendChat(entry, chat));
  document.getElementById('question').focus();
  startPolling();
}

export function appendChat(entry, chat = document.getElementById('chat')) {
  if (!chat) return;
  chat.querySelectorAll('.msg-buttons').forEach((b) => b.remove()); // only the latest buttons stay active
  const who = entry.who;
  const div = document.createElement('div');
  div.className = `msg msg-${who}`;
  const label = document.createElement('span');
  label.className = 'msg-who';
  label.textContent = t(who === 'you' ? 'you' : who);
  const text = document.createElement('div');
  text.className = 'msg-text';
  text.textContent = entry.text;
  div.append(label, text);
  if (entry.buttons && entry.buttons.length) {
    const row = document.createElement('div');
    row.className = 'msg-buttons';
    entry.buttons.forEach((b) => {
      const button = document.createElement('button');
      button.className = 'btn btn-engine';
      button.dataset.engineAction = b.action;
      button.textContent = b.label;
      row.append(button);
    });
    div.append(row);
  }
  chat.append(div);
  chat.scrollTop = chat.scrollHeight;
}

export function addChat(entry) {
  state.chatEntries.push(entry);
  appendChat(entry);
}

export async function askText(text) {
  const value = text.trim();
  if (!value || state.busy) return;
  addChat({ who: 'you', text: value });
  const input = document.getElementById('question');
  if (input) input.value = '';
  await converse({ text: value }, 'chat');
}
