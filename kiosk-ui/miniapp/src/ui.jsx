import { useEffect, useRef } from 'react';
import { Button, Spinner } from 'zmp-ui';
import { useNavigate } from 'zmp-ui';
import { useApp } from './context.js';
import { Icon } from './icons.jsx';

/** Text from the engine or the catalog: one paragraph per line, never HTML. */
export function Paragraphs({ text }) {
  return String(text || '').split(/\n+/).filter((p) => p.trim()).map((p, i) => <p key={i}>{p}</p>);
}

/** Screen heading: focused when the screen opens, so a screen reader announces the new screen. */
export function Heading({ children, id }) {
  const ref = useRef(null);
  useEffect(() => {
    if (ref.current) ref.current.focus({ preventScroll: true });
  }, []);
  return <h1 ref={ref} id={id} tabIndex={-1}>{children}</h1>;
}

export function BackButton({ to = -1 }) {
  const { t } = useApp();
  const navigate = useNavigate();
  return (
    <button type="button" className="back" onClick={() => navigate(to, { direction: 'backward' })}>
      <Icon name="back" /><span>{t('back')}</span>
    </button>
  );
}

export function Loading() {
  const { t } = useApp();
  return <div className="loading" role="status"><Spinner visible /><span>{t('loading')}</span></div>;
}

export function Failure({ error, onRetry }) {
  const { t } = useApp();
  return (
    <div className="failure" role="alert">
      <p>{error && error.offline ? t('offline') : t('loadFailed')}</p>
      {onRetry && <Button variant="secondary" onClick={onRetry}>{t('retry')}</Button>}
    </div>
  );
}

/** A button the engine offered ({label, action}). */
export function EngineButton({ button, onAction, variant = 'secondary', disabled }) {
  return (
    <Button variant={variant} size="medium" fullWidth disabled={disabled} className="engine-button"
      data-action={button.action} onClick={() => onAction(button.action, button.label)}>
      {button.label}
    </Button>
  );
}

export function formatDate(iso, lang, timeZone = 'Asia/Ho_Chi_Minh') {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return '';
  return d.toLocaleString(lang === 'vi' ? 'vi-VN' : 'en-GB', { timeZone, dateStyle: 'short', timeStyle: 'short' });
}

/** A calendar day (YYYY-MM-DD, no time zone) with its weekday: "Thứ Hai, 08/12/2026" / "Monday, 08/12/2026". */
export function formatDay(day, lang) {
  const d = new Date(`${day}T00:00:00Z`);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(String(day)) || Number.isNaN(d.getTime())) return '';
  return d.toLocaleDateString(lang === 'vi' ? 'vi-VN' : 'en-GB',
    { timeZone: 'UTC', weekday: 'long', day: '2-digit', month: '2-digit', year: 'numeric' });
}
