import { describe, expect, it } from 'vitest';
import { workingDays, classify } from '../src/screens/Request.jsx';
import { applyTheme, contrast, onColour } from '../src/theme.js';
import { fold, translate } from '../src/i18n.js';
import { office } from './fake-api.js';

describe('working days offered for an appointment', () => {
  it('skips days without office hours and announced closures', () => {
    // Tuesday 29 Dec 2026, 10:00 in Vietnam; the fake office is open Mon–Fri and closed on 31 Dec.
    const days = workingDays(office(), 'en', 4, new Date('2026-12-29T03:00:00Z'));
    expect(days.map((d) => d.value)).toEqual(['30/12/2026', '01/01/2027', '04/01/2027', '05/01/2027']);
    expect(days[0].tomorrow).toBe(true);
  });
});

describe('theme', () => {
  it('puts near-black text on light colours and white on dark ones', () => {
    expect(onColour('#ffd54f')).toBe('#141414');
    expect(onColour('#0b5cad')).toBe('#ffffff');
  });

  it('darkens a light brand colour until links on the page background reach 4.5:1', () => {
    const root = document.createElement('div');
    const vars = applyTheme({ primary: '#7fd3ff' }, root);
    expect(contrast(vars['--brand-text'], '#f3f5f8')).toBeGreaterThanOrEqual(4.5);
    expect(applyTheme({ primary: 'red; background: url(x)' }, root)['--brand']).toBe('#0b5cad');
  });
});

describe('texts', () => {
  it('folds Vietnamese accents for search', () => {
    expect(fold('Đăng ký Khai sinh')).toBe('dang ky khai sinh');
  });

  it('has every label in both languages', () => {
    for (const key of ['agree', 'decline', 'withdrawErase', 'useZaloPhone', 'casesTitle']) {
      expect(translate('en', key)).not.toBe(translate('vi', key));
    }
  });

  it('reads the engine buttons of the consent and summary screens by action', () => {
    expect(classify({ action: 'consent:agree' })).toBe('agree');
    expect(classify({ action: 'consent:decline' })).toBe('decline');
    expect(classify({ action: 'edit:phone' })).toBe('edit');
    expect(classify({ action: 'confirm' })).toBe('confirm');
  });
});
