// nutui form controls with an accessible name on both platforms. nutui drops what a screen reader needs in H5:
// Input / TextArea put `aria-label` on Taro's wrapper element, not on the <input>/<textarea> inside it; Radio ignores
// `aria-label` (it reads `ariaLabel`) and has no `role`; InputNumber renders a bare <input> and unlabeled ± taps.
// Pages import these instead of nutui's, and the accessible name is a required prop, so an unnamed control does
// not type-check. In the mini-program, `aria-label` / `aria-role` reach the templates through config/plugin-a11y.js.
import { useEffect, useRef, type ReactNode } from 'react';
import { View } from '@tarojs/components';
import {
  Checkbox as NutCheckbox,
  Input as NutInput,
  InputNumber as NutInputNumber,
  Radio as NutRadio,
  TextArea as NutTextArea,
} from '@nutui/nutui-react-taro';
import { useFieldState } from './Field';
import type {
  CheckboxProps,
  InputNumberProps,
  InputProps,
  RadioGroupProps,
  RadioProps,
  TextAreaProps,
} from '@nutui/nutui-react-taro';

const isH5 = process.env.TARO_ENV === 'h5';

interface Named {
  /** The control's accessible name (usually its visible label). */
  'aria-label': string;
}

/**
 * Props naming a Taro Input / Textarea: in H5 Taro copies `nativeProps` onto the real <input>/<textarea> (a label on
 * the wrapper element would name nothing and make two matches for one field); in the mini-program the component
 * itself takes the attribute.
 */
function controlName(label: string, nativeProps?: Record<string, unknown>): Record<string, unknown> {
  return isH5 ? { nativeProps: { ...nativeProps, 'aria-label': label } } : { 'aria-label': label };
}

type NativeProps = { nativeProps?: Record<string, unknown> };

export function Input(props: Partial<InputProps> & Named & NativeProps) {
  const { 'aria-label': label, nativeProps, ...rest } = props;
  const field = useFieldState();
  // Inside a Field: the message under it describes the input, and the first invalid one takes focus (mini-program).
  const described = field?.invalid ? { 'aria-invalid': 'true', 'aria-describedby': field.errorId } : {};
  const focus = !isH5 && field?.focus ? { focus: true } : {};
  return <NutInput {...rest} {...focus} {...controlName(label, { ...nativeProps, ...described })} />;
}

/** nutui's TextArea sets Taro's `nativeProps` itself (replacing ours), so in H5 the name is put on the <textarea>. */
export function TextArea(props: Partial<TextAreaProps> & Named) {
  const { 'aria-label': label, ...rest } = props;
  const ref = useDomLabels((root) =>
    root.querySelectorAll('textarea').forEach((el) => setAttr(el, 'aria-label', label)),
  );
  return (
    <View ref={ref as never} className="hz-textarea">
      <NutTextArea {...rest} {...(isH5 ? {} : { 'aria-label': label })} />
    </View>
  );
}

/**
 * Runs `label(root)` on the H5 DOM under `root` now and whenever the subtree's classes or children change (nutui
 * shows a radio's state with classes only). Attributes we set are not observed, so this never loops.
 */
function useDomLabels(label: (root: HTMLElement) => void) {
  const ref = useRef<HTMLElement | null>(null);
  const latest = useRef(label);
  useEffect(() => {
    const root = ref.current;
    if (!isH5 || !root || typeof root.querySelectorAll !== 'function') return undefined;
    const run = () => latest.current(root);
    run();
    if (typeof MutationObserver === 'undefined') return undefined;
    const observer = new MutationObserver(run);
    observer.observe(root, { subtree: true, childList: true, attributes: true, attributeFilter: ['class'] });
    return () => observer.disconnect();
  }, []);
  // After every render: the observer's callback follows the latest `label`, and it runs on the new DOM.
  useEffect(() => {
    latest.current = label;
    if (isH5 && ref.current) label(ref.current);
  });
  return ref;
}

function setAttr(el: Element, name: string, value: string | null) {
  if (value === null) el.removeAttribute(name);
  else if (el.getAttribute(name) !== value) el.setAttribute(name, value);
}

/** H5: each nutui radio becomes role=radio with aria-checked / aria-disabled; its name is its visible text. */
function labelRadios(root: HTMLElement) {
  // nutui writes WeChat's `aria-role` into the H5 DOM too, where it is no ARIA attribute (axe aria-valid-attr).
  root.querySelectorAll('.nut-radiogroup').forEach((el) => setAttr(el, 'aria-role', null));
  root.querySelectorAll('.nut-radio').forEach((el) => {
    setAttr(el, 'aria-role', null);
    setAttr(el, 'role', 'radio');
    const checked = !!el.querySelector('.nut-radio-icon-checked, .nut-radio-button-active');
    setAttr(el, 'aria-checked', String(checked));
    const disabled = !!el.querySelector(
      '.nut-radio-icon-disabled, .nut-radio-button-disabled, .nut-radio-label-disabled',
    );
    setAttr(el, 'aria-disabled', disabled ? 'true' : null);
    setAttr(el, 'tabindex', disabled ? null : '0');
  });
}

function RadioGroup(props: Partial<RadioGroupProps> & Named & { children?: ReactNode }) {
  const { 'aria-label': label, ...rest } = props;
  const ref = useDomLabels(labelRadios);
  return (
    <View ref={ref as never} className="hz-radio-group">
      <NutRadio.Group {...rest} {...{ role: 'radiogroup', ariaRole: 'radiogroup', 'aria-label': label }} />
    </View>
  );
}

/** A radio; its accessible name is its text unless `aria-label` says otherwise (mini-program: `ariaLabel`). */
function RadioBase(props: Partial<RadioProps> & { 'aria-label'?: string }) {
  const { 'aria-label': label, ...rest } = props;
  const text = typeof props.children === 'string' ? props.children : undefined;
  return <NutRadio {...rest} ariaLabel={label ?? text} />;
}

export const Radio = Object.assign(RadioBase, { Group: RadioGroup });

/**
 * nutui's Checkbox passes unknown props to its element, so `aria-label` arrives; `role` and `aria-checked` are added
 * here (its own `ariaRole` / `ariaChecked` mean nothing to a browser). In H5 it also writes WeChat's `aria-role` onto
 * the element after our props, where it is no ARIA attribute (axe aria-valid-attr, critical): a wrapper that takes
 * no box of its own (`display: contents`, so nutui's layout is unchanged) strips it, as for the radios.
 */
export function Checkbox(props: Partial<CheckboxProps> & Named) {
  const checked =
    props.checked === undefined ? {} : { 'aria-checked': props.checked ? ('true' as const) : ('false' as const) };
  const disabled = props.disabled ? { 'aria-disabled': 'true' as const } : {};
  const box = <NutCheckbox {...props} {...{ role: 'checkbox', ...checked, ...disabled }} />;
  return <WeChatRoles>{box}</WeChatRoles>;
}

/**
 * H5: nutui components written for WeChat (Checkbox, Toast) put `aria-role` on their elements; the role they mean is
 * set as a real `role` instead (unless the element already has one) and the invalid attribute removed.
 */
function stripWeChatRoles(root: HTMLElement) {
  for (const el of Array.from(root.querySelectorAll('[aria-role]'))) {
    const meant = el.getAttribute('aria-role');
    if (meant && !el.getAttribute('role')) setAttr(el, 'role', meant);
    setAttr(el, 'aria-role', null);
  }
}

/**
 * Wraps nutui components written for WeChat so that in H5 their `aria-role` becomes a real `role`, now and whenever
 * they change or appear (a toast opening). The wrapper takes no box of its own (`display: contents`), so nutui's
 * layout is unchanged; in the mini-program, where `aria-role` is right, it renders its children only.
 */
export function WeChatRoles(props: { children: ReactNode }) {
  return isH5 ? <H5Roles>{props.children}</H5Roles> : <>{props.children}</>;
}

function H5Roles(props: { children: ReactNode }) {
  const ref = useDomLabels(stripWeChatRoles);
  return (
    <View ref={ref as never} className="hz-wechat-roles" style={{ display: 'contents' }}>
      {props.children}
    </View>
  );
}

/** A stepper whose number field and ± taps are named after the field (`减少…` / `增加…`). */
export function InputNumber(props: Partial<InputNumberProps> & Named) {
  const { 'aria-label': label, ...rest } = props;
  const ref = useDomLabels((root) => {
    const input = root.querySelector('input');
    if (input) setAttr(input, 'aria-label', label);
    for (const [cls, verb] of [
      ['.nut-inputnumber-minus', '减少'],
      ['.nut-inputnumber-add', '增加'],
    ] as const) {
      const el = root.querySelector(cls);
      if (!el) continue;
      setAttr(el, 'role', 'button');
      setAttr(el, 'aria-label', `${verb}${label}`);
    }
  });
  return (
    <View ref={ref as never} className="hz-input-number" {...(isH5 ? {} : { 'aria-label': label })}>
      <NutInputNumber {...rest} />
    </View>
  );
}

export { ActionButton, pressableProps } from './ActionButton';
export { Field, FieldError, useFormErrors, type FormErrors } from './Field';
export { ConfirmAction } from './ConfirmAction';
