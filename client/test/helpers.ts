import { act, fireEvent } from '@testing-library/react';

/** Type into a nutui Input inside the Form.Item with class `hz-field--<name>` (Taro's input fires `input` events). */
export function typeInto(container: HTMLElement, field: string, value: string): void {
  const el = container.querySelector(`.hz-field--${field} taro-input-core`);
  if (!el) throw new Error(`no input for field ${field}`);
  act(() => {
    el.dispatchEvent(new CustomEvent('input', { detail: { value }, bubbles: true }));
  });
}

/** Tap a nutui Radio (rendered as a button-shaped view) by its visible label inside a field. */
export function chooseRadio(container: HTMLElement, field: string, label: string): void {
  const row = container.querySelector(`.hz-field--${field}`);
  if (!row) throw new Error(`no field ${field}`);
  const target = Array.from(row.querySelectorAll('.nut-radio')).find((n) => n.textContent?.trim() === label);
  if (!target) throw new Error(`no option ${label} in ${field}`);
  fireEvent.click(target);
}

export function totalText(container: HTMLElement): string | null {
  return container.querySelector('[data-testid="total"]')?.textContent ?? null;
}
