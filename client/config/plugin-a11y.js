// Taro plugin: let View, Text and Button carry WeChat's accessibility attributes (aria-role, aria-label, …) into the
// mini-program templates. Taro's weapp templates only emit attributes they know, so without this a screen reader
// in WeChat hears none of the labels the pages set (适老化 / barrier-free requirement). H5 needs nothing: the
// attributes reach the DOM as they are.
// Hook: the mini platform calls `ctx.onBuildInit(platform)` before building; a method registered under that name
// receives the platform, whose `template.mergeComponents` adds attributes (as Taro's own platform plugins do).
// Same list, same order as src/lib/weapp-a11y.ts (the runtime half).
const ARIA = [
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

module.exports = (ctx) => {
  ctx.registerMethod('onBuildInit', (platform) => {
    const template = platform && platform.template;
    if (!template || typeof template.mergeComponents !== 'function') return;
    const attrs = Object.fromEntries(ARIA.map((a) => [a, '']));
    // Form controls and buttons need only their name (src/components/Form passes `aria-label` to the controls; a
    // Button without visible text, or whose text is not enough, is named with `aria-label`).
    const named = { 'aria-label': '' };
    template.mergeComponents(ctx, { View: attrs, Text: attrs, Input: named, Textarea: named, Button: named });
  });
};
