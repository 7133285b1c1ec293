import { useEffect, useId, useRef, type ReactNode, type MouseEvent } from 'react';
import { href, navigate, type Route } from './router';

/** Move focus to the next page's heading after an in-app step, not on the first load. */
let focusPending = false;
export function focusNextHeading(): void {
  focusPending = true;
}

/** The page's one h1; it takes focus after a navigation, so a screen reader reads where you are. */
export function Heading({ children }: { children: ReactNode }) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    document.title = `${ref.current?.textContent ?? 'Lantern'} · Lantern for members`;
    if (focusPending) {
      focusPending = false;
      ref.current?.focus();
    }
  }, [children]);
  return (
    <h1 ref={ref} tabIndex={-1}>
      {children}
    </h1>
  );
}

export function go(route: Route, options?: { replace?: boolean }): void {
  focusNextHeading();
  navigate(route, options);
}

export function Link({ to, children, className }: { to: Route; children: ReactNode; className?: string }) {
  const onClick = (e: MouseEvent<HTMLAnchorElement>) => {
    if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    e.preventDefault();
    go(to);
  };
  return (
    <a href={href(to)} onClick={onClick} className={className}>
      {children}
    </a>
  );
}

/** A problem, announced at once. */
export function ErrorMessage({ error }: { error: string | null }) {
  return (
    <div role="alert" className={error ? 'error-box' : 'visually-hidden'}>
      {error}
    </div>
  );
}

/** A calm confirmation, announced politely. */
export function Notice({ text }: { text: string | null }) {
  return (
    <div role="status" className={text ? 'notice' : 'visually-hidden'}>
      {text}
    </div>
  );
}

export function Loading() {
  return (
    <p role="status" className="muted">
      Loading…
    </p>
  );
}

interface TextFieldProps {
  label: string;
  value: string;
  onChange: (value: string) => void;
  hint?: string;
  error?: string;
  type?: 'text' | 'email' | 'password' | 'tel' | 'date';
  autoComplete?: string;
  inputMode?: 'text' | 'email' | 'tel';
  required?: boolean;
  max?: string;
  min?: string;
  multiline?: boolean;
  rows?: number;
}

export function TextField({ label, value, onChange, hint, error, type = 'text', autoComplete = 'off', inputMode, required, max, min, multiline, rows = 5 }: TextFieldProps) {
  const id = useId();
  const describedBy = [hint && `${id}-hint`, error && `${id}-error`].filter(Boolean).join(' ') || undefined;
  const common = {
    id,
    value,
    required,
    'aria-invalid': error ? true : undefined,
    'aria-describedby': describedBy,
  };
  return (
    <div className={`field${error ? ' field-error' : ''}`}>
      <label htmlFor={id}>
        {label}
        {!required && <span className="optional"> (optional)</span>}
      </label>
      {hint && (
        <p id={`${id}-hint`} className="hint">
          {hint}
        </p>
      )}
      {error && (
        <p id={`${id}-error`} className="field-message">
          {error}
        </p>
      )}
      {multiline ? (
        <textarea {...common} rows={rows} onChange={(e) => onChange(e.target.value)} />
      ) : (
        <input {...common} type={type} autoComplete={autoComplete} inputMode={inputMode} max={max} min={min} spellCheck={false} autoCapitalize="none" onChange={(e) => onChange(e.target.value)} />
      )}
    </div>
  );
}

export interface Choice<T extends string> {
  value: T;
  label: string;
  hint?: string;
}

/** A group of radio buttons with a legend: one question, one answer. */
export function RadioGroup<T extends string>({ legend, hint, name, choices, value, onChange, error, big }: { legend: ReactNode; hint?: ReactNode; name: string; choices: Choice<T>[]; value: T | null; onChange: (v: T) => void; error?: string; big?: boolean }) {
  const id = useId();
  return (
    <fieldset className={`field${error ? ' field-error' : ''}`} aria-describedby={[hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined}>
      <legend className={big ? 'legend-big' : undefined}>{legend}</legend>
      {hint && (
        <div id={`${id}-hint`} className="hint">
          {hint}
        </div>
      )}
      {error && (
        <p id={`${id}-error`} className="field-message">
          {error}
        </p>
      )}
      <div className="choices">
        {choices.map((c) => (
          <div className="choice" key={c.value}>
            <input type="radio" id={`${id}-${c.value}`} name={name} value={c.value} checked={value === c.value} onChange={() => onChange(c.value)} aria-describedby={c.hint ? `${id}-${c.value}-hint` : undefined} />
            <label htmlFor={`${id}-${c.value}`}>
              {c.label}
              {c.hint && (
                <span id={`${id}-${c.value}-hint`} className="choice-hint">
                  {c.hint}
                </span>
              )}
            </label>
          </div>
        ))}
      </div>
    </fieldset>
  );
}

export function Checkbox({ label, checked, onChange, hint }: { label: string; checked: boolean; onChange: (v: boolean) => void; hint?: string }) {
  const id = useId();
  return (
    <div className="choice">
      <input type="checkbox" id={id} checked={checked} onChange={(e) => onChange(e.target.checked)} aria-describedby={hint ? `${id}-hint` : undefined} />
      <label htmlFor={id}>
        {label}
        {hint && (
          <span id={`${id}-hint`} className="choice-hint">
            {hint}
          </span>
        )}
      </label>
    </div>
  );
}
