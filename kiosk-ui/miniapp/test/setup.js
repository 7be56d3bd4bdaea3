import { afterEach, vi } from 'vitest';
import { cleanup, configure } from '@testing-library/react';

// findBy…/waitFor give up after 1 s by default: on a shared 2-core CI machine a render after a fetch can take longer
// (a screen that never shows still fails, after 10 s).
configure({ asyncUtilTimeout: 10000 });

// jsdom lacks a few browser APIs that zmp-ui touches.
if (!window.matchMedia) {
  window.matchMedia = (query) => ({ matches: false, media: query, addListener() {}, removeListener() {}, addEventListener() {}, removeEventListener() {} });
}
if (!window.ResizeObserver) {
  window.ResizeObserver = class { observe() {} unobserve() {} disconnect() {} };
}
window.scrollTo = () => {};
Element.prototype.scrollTo = function scrollTo() {};

afterEach(() => {
  cleanup();
  localStorage.clear();
  vi.restoreAllMocks();
});

// zmp-ui's router is React Router 6; its notices about v7 flags are not ours to act on.
const warn = console.warn.bind(console);
console.warn = (...args) => { if (!String(args[0]).includes('React Router Future Flag Warning')) warn(...args); };
