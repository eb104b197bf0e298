// Runtime half of config/plugin-a11y.js: the mini-program templates now carry aria-* attributes on View and Text,
// and the runtime must know them too, or it cannot map a prop to its template slot (both sides number attributes
// the same way, so the two lists must match: keep them identical).
import { mergeInternalComponents } from '@tarojs/shared';

const ARIA_ATTRIBUTES = [
  'aria-role',
  'aria-label',
  'aria-hidden',
  'aria-checked',
  'aria-selected',
  'aria-expanded',
  'aria-live',
  'aria-busy',
  'aria-level',
];

if (process.env.TARO_ENV !== 'h5') {
  const attrs = Object.fromEntries(ARIA_ATTRIBUTES.map((a) => [a, '']));
  const named = { 'aria-label': '' };
  mergeInternalComponents({ View: attrs, Text: attrs, Input: named, Textarea: named, Button: named });
}
