// Errors beside the control they concern. A long form (new entrustment, 落户申请, the application's steps) used to
// show its error at the top while the person tapped at the bottom: now each error sits under its own control, the
// first one (in page order) is scrolled into view and focused, and the control is marked invalid and described by
// the message. Pages keep one `useFormErrors()` per form and wrap each control in `<Field>`; an error that concerns
// no single control (a server refusal) goes to a `<FieldError>` placed next to the button that sent it.
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';

const isH5 = process.env.TARO_ENV === 'h5';

type FieldErrors = Record<string, string | null | undefined | false>;

export interface FormErrors {
  /** This form's prefix for element ids (unique per form instance). */
  readonly id: string;
  readonly errors: Record<string, string>;
  /**
   * Shows these errors (replacing the previous ones) and brings the first one into view with focus on its control.
   * Returns true when there was any error, so a submit handler can `if (form.show(errors)) return;`.
   */
  show(errors: FieldErrors): boolean;
  /** One error, e.g. a server refusal next to the submit button. */
  fail(name: string, message: string): void;
  /** Clears one field's error (as the person corrects it), or all. */
  clear(name?: string): void;
  /** The field asked to take focus now (mini-program inputs take focus through their `focus` prop). */
  readonly focusName: string | null;
}

let forms = 0;

function fieldElementId(form: Pick<FormErrors, 'id'>, name: string): string {
  return `${form.id}-${name}`;
}

export function useFormErrors(): FormErrors {
  const [id] = useState(() => `hz-form-${++forms}`);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [focusName, setFocusName] = useState<string | null>(null);
  const [ticket, setTicket] = useState(0);

  const show = useCallback((next: FieldErrors) => {
    const clean: Record<string, string> = {};
    for (const [k, v] of Object.entries(next)) if (v) clean[k] = v;
    setErrors(clean);
    const first = Object.keys(clean)[0] ?? null;
    setFocusName(first);
    if (first) setTicket((t) => t + 1);
    return first !== null;
  }, []);
  const fail = useCallback((name: string, message: string) => void show({ [name]: message }), [show]);
  const clear = useCallback((name?: string) => {
    setErrors((e) => {
      if (name === undefined) return Object.keys(e).length ? {} : e;
      if (!(name in e)) return e;
      const { [name]: _gone, ...rest } = e;
      return rest;
    });
    setFocusName(null);
  }, []);

  // After the errors are on screen: the first invalid field of this form, in page order, is revealed.
  useEffect(() => {
    if (ticket === 0) return;
    revealFirst(id, focusName);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [ticket]);

  return useMemo(() => ({ id, errors, show, fail, clear, focusName }), [id, errors, show, fail, clear, focusName]);
}

const FOCUSABLE = 'input, textarea, [role="radio"], [role="checkbox"], [role="button"], [tabindex]';

function revealFirst(formId: string, fallbackName: string | null) {
  if (isH5 && typeof document !== 'undefined') {
    // Next turn: Taro's H5 components draw their native <input> and attributes after React's commit.
    setTimeout(() => {
      const field = document.querySelector<HTMLElement>(`[data-hz-form="${formId}"][data-invalid="true"]`);
      if (!field) return;
      let control = field.querySelector<HTMLElement>(FOCUSABLE);
      if (!control) {
        // No control of its own (a refusal next to a button): the message itself takes focus and is read out.
        control = field.querySelector<HTMLElement>('.hz-form-error') ?? field;
        control.setAttribute('tabindex', '-1');
      }
      try {
        control.focus({ preventScroll: true });
      } catch {
        /* not focusable */
      }
      if (typeof field.scrollIntoView === 'function') field.scrollIntoView({ block: 'center', behavior: 'smooth' });
    }, 0);
    return;
  }
  if (fallbackName) {
    try {
      Promise.resolve(
        Taro.pageScrollTo({ selector: `#${formId}-${fallbackName}`, duration: 200, offsetTop: -120 } as never),
      ).catch(() => undefined);
    } catch {
      /* an old base library without selector scrolling: the error is still beside its control */
    }
  }
}

/** What a control inside a Field needs to know: its error's id, whether it is invalid, whether to take focus. */
export interface FieldState {
  errorId: string;
  invalid: boolean;
  focus: boolean;
}

const FieldContext = createContext<FieldState | null>(null);

/** For controls (Input, IdNumberInput): the Field they are in, if any. */
export function useFieldState(): FieldState | null {
  return useContext(FieldContext);
}

interface FieldProps {
  form: FormErrors;
  name: string;
  /** The visible label above the control (omit when the control shows its own, e.g. a checkbox). */
  label?: ReactNode;
  /** A message of its own (overrides the form's), e.g. a check run as the person leaves the field. */
  error?: string | null;
  hint?: ReactNode;
  className?: string;
  children: ReactNode;
}

/** A control with its label, its hint and, when there is one, its error right under it. */
export function Field(props: FieldProps) {
  const { form, name } = props;
  const message = props.error || form.errors[name] || null;
  const id = fieldElementId(form, name);
  const state = useMemo<FieldState>(
    () => ({ errorId: `${id}-error`, invalid: !!message, focus: !!message && form.focusName === name }),
    [id, message, form.focusName, name],
  );
  return (
    <View
      id={id}
      className={`hz-field hz-field--${name}${message ? ' hz-field--invalid' : ''}${props.className ? ` ${props.className}` : ''}`}
      {...{ 'data-hz-form': form.id, 'data-invalid': message ? 'true' : 'false' }}
    >
      {props.label ? <Text className="flows-label">{props.label}</Text> : null}
      <FieldContext.Provider value={state}>{props.children}</FieldContext.Provider>
      {props.hint ? <Text className="flows-muted">{props.hint}</Text> : null}
      <ErrorText id={state.errorId} message={message} />
    </View>
  );
}

/**
 * An error that concerns no single control (a server refusal, a missing upload): placed next to the button or the
 * part it concerns, revealed and focused like a field error.
 */
export function FieldError(props: { form: FormErrors; name: string }) {
  const message = props.form.errors[props.name] ?? null;
  const id = fieldElementId(props.form, props.name);
  return (
    <View
      id={id}
      className="hz-field hz-field--message"
      {...{ 'data-hz-form': props.form.id, 'data-invalid': message ? 'true' : 'false' }}
    >
      <ErrorText id={`${id}-error`} message={message} />
    </View>
  );
}

function ErrorText(props: { id: string; message: string | null }) {
  if (!props.message) return null;
  return (
    <View id={props.id} className="hz-form-error flows-error" role="alert" aria-live="assertive">
      {/* The sign is decoration (the role says it is an error): the message stands alone as its own text. */}
      <Text className="flows-error__icon" aria-hidden>
        ⚠{' '}
      </Text>
      <Text className="flows-error__text">{props.message}</Text>
    </View>
  );
}
