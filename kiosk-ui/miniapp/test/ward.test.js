import { afterEach, describe, expect, it, vi } from 'vitest';
import { api, wardId } from '../src/api.js';

// A province hosts many wards in one WardDesk: each ward's Mini App asks for its own ward's catalog and conversations.
describe('the ward of this Mini App', () => {
  afterEach(() => window.history.replaceState({}, '', '/'));

  function recordFetches() {
    const urls = [];
    vi.spyOn(globalThis, 'fetch').mockImplementation(async (url) => {
      urls.push(String(url));
      return new Response(JSON.stringify({ id: 'c1', token: 't', replies: [] }), { status: 200 });
    });
    return urls;
  }

  it('names its ward on the catalog and on a new conversation, and on nothing that follows the conversation', async () => {
    window.history.replaceState({}, '', '/?ward=demo-an-cuu');
    const urls = recordFetches();
    await api.procedures('vi');
    await api.procedure('marital_status_certificate', 'vi');
    await api.office('vi');
    await api.startConversation('vi', '');
    await api.messagesAfter({ id: 'c1', token: 't' }, 0);
    expect(wardId()).toBe('demo-an-cuu');
    expect(urls.slice(0, 4).every((u) => new URL(u, 'http://x').searchParams.get('ward') === 'demo-an-cuu')).toBe(true);
    expect(new URL(urls[4], 'http://x').searchParams.has('ward')).toBe(false);
  });

  it('reads its own ward\'s privacy notice (the ward\'s People\'s Committee is the controller)', async () => {
    window.history.replaceState({}, '', '/?ward=demo-an-cuu');
    const urls = recordFetches();
    await api.privacyNotice('vi');
    const url = new URL(urls[0], 'http://x');
    expect(url.pathname).toBe('/api/v1/privacy-notice');
    expect(url.searchParams.get('ward')).toBe('demo-an-cuu');
  });

  it('names no ward when none is set, so the deployment answers with its default ward', async () => {
    const urls = recordFetches();
    await api.procedures('vi');
    await api.startConversation('vi', '');
    expect(urls.some((u) => u.includes('ward='))).toBe(false);
  });
});
