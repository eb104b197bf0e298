// 长辈模式 (适老化, MIIT 2021): text ≥ 18 px, line spacing ≥ 1.3 (we use 1.6), touch targets ≥ 48 px, contrast
// ≥ 4.5:1. The user's WeChat font scale (getAppBaseInfo().fontSizeScaleFactor) multiplies both modes.
import Taro from '@tarojs/taro';
import { createStore, useStore } from '../lib/store';
import { readPref, writePref } from '../lib/storage';

const ELDER_KEY = 'hz.elderMode';

/** The remembered choice (false when none). */
export function readElderPreference(): boolean {
  return readPref<boolean>(ELDER_KEY, false) === true;
}

export const elderModeStore = createStore<boolean>(readElderPreference());

export function setElderMode(on: boolean): void {
  elderModeStore.set(on);
  writePref(ELDER_KEY, on);
}

export function useElderMode(): [boolean, (on: boolean) => void] {
  return [useStore(elderModeStore), setElderMode];
}

/** WeChat's font scale (1 when unknown: H5, old base libraries). Clamped so a page stays usable. */
export function systemFontScale(): number {
  // Read per render on purpose: it is a cheap synchronous call, and a user who changes WeChat's font size while the
  // app is alive sees the next page follow it.
  try {
    const info = (Taro.getAppBaseInfo?.() ?? {}) as { fontSizeScaleFactor?: number };
    const f = Number(info.fontSizeScaleFactor);
    return Number.isFinite(f) && f > 0 ? Math.min(Math.max(f, 1), 2) : 1;
  } catch {
    return 1;
  }
}

export interface ThemeTokens {
  fontBase: number;
  fontSmall: number;
  fontLarge: number;
  fontTitle: number;
  lineHeight: number;
  touchMin: number;
}

export function themeTokens(elder: boolean, scale = 1): ThemeTokens {
  const base = elder ? { fontBase: 18, fontSmall: 18, fontLarge: 21, fontTitle: 24, lineHeight: 1.6, touchMin: 52 }
    : { fontBase: 15, fontSmall: 13, fontLarge: 17, fontTitle: 20, lineHeight: 1.5, touchMin: 44 };
  const s = (n: number) => Math.round(n * scale);
  return { fontBase: s(base.fontBase), fontSmall: s(base.fontSmall), fontLarge: s(base.fontLarge), fontTitle: s(base.fontTitle), lineHeight: base.lineHeight, touchMin: s(base.touchMin) };
}

/** CSS custom properties for our own styles (`var(--hz-font-base)` …). */
export function cssVars(t: ThemeTokens): Record<string, string> {
  return {
    '--hz-font-base': `${t.fontBase}px`,
    '--hz-font-small': `${t.fontSmall}px`,
    '--hz-font-large': `${t.fontLarge}px`,
    '--hz-font-title': `${t.fontTitle}px`,
    '--hz-line-height': String(t.lineHeight),
    '--hz-touch-min': `${t.touchMin}px`,
  };
}

/** nutui theme variables (ConfigProvider `theme`). Only elder mode overrides nutui's defaults. */
export function nutuiTheme(elder: boolean, t: ThemeTokens): Record<string, string> {
  // nutui's light tints are its own red brand's pink: the pressed/selected tint follows our blue.
  const brand = {
    nutuiColorPrimary: '#1f6fd1',
    nutuiColorPrimaryStop1: '#1f6fd1',
    nutuiColorPrimaryStop2: '#3b8af0',
    nutuiColorPrimaryLightPressed: '#e8f0fc',
    nutuiRadioButtonBackground: '#f7f8fa',
    // nutui's help text and waiting-step marks (#888b94 on white, 3.4:1) fall short of 4.5:1.
    nutuiColorTextHelp: '#595e6b',
    nutuiStepsWaitIconColor: '#4b5563',
    nutuiStepsFinishIconColor: '#4b5563',
    nutuiStepsBaseHeadBackgroundColor: '#e5e7eb',
    // nutui's stepper is 20 px square per button: too small to hit even in the standard mode.
    nutuiInputnumberButtonWidth: `${t.touchMin - 4}px`,
    nutuiInputnumberButtonHeight: `${t.touchMin - 4}px`,
    nutuiInputnumberInputHeight: `${t.touchMin - 4}px`,
    nutuiInputnumberInputWidth: `${t.touchMin}px`,
  };
  if (!elder) return brand;
  return {
    ...brand,
    nutuiFontSizeXs: `${t.fontSmall}px`,
    nutuiFontSizeS: `${t.fontSmall}px`,
    nutuiFontSizeBase: `${t.fontBase}px`,
    nutuiFontSizeL: `${t.fontLarge}px`,
    nutuiFontSizeXl: `${t.fontTitle}px`,
    nutuiLineHeightBase: String(t.lineHeight),
    nutuiColorText: '#000000',
    nutuiColorTitle: '#000000',
    nutuiColorTextHelp: '#333333',
    nutuiCellTitleFontSize: `${t.fontBase}px`,
    nutuiCellDescriptionFontSize: `${t.fontSmall}px`,
    nutuiCellExtraFontSize: `${t.fontBase}px`,
    nutuiCellLineHeight: String(t.lineHeight),
    nutuiFormItemLabelFontSize: `${t.fontBase}px`,
    nutuiFormItemBodyFontSize: `${t.fontBase}px`,
    nutuiFormItemTipFontSize: `${t.fontSmall}px`,
    nutuiInputFontSize: `${t.fontBase}px`,
    nutuiRadioLabelFontSize: `${t.fontBase}px`,
    nutuiRadioButtonFontSize: `${t.fontBase}px`,
    nutuiRadioButtonPadding: '8px 20px',
    nutuiRadioIconFontSize: `${t.fontLarge + 3}px`,
    nutuiCheckboxLabelFontSize: `${t.fontBase}px`,
    nutuiCheckboxIconFontSize: `${t.fontLarge + 3}px`,
    nutuiButtonDefaultHeight: `${t.touchMin}px`,
    nutuiButtonDefaultFontSize: `${t.fontBase}px`,
    nutuiButtonLargeHeight: `${t.touchMin + 4}px`,
    nutuiButtonLargeFontSize: `${t.fontLarge}px`,
    nutuiButtonSmallHeight: `${t.touchMin - 8}px`,
    nutuiButtonSmallFontSize: `${t.fontSmall}px`,
    nutuiGridItemTextFontSize: `${t.fontBase}px`,
    nutuiTabsTitlesFontSize: `${t.fontBase}px`,
    nutuiPickerItemTextFontSize: `${t.fontLarge}px`,
    nutuiPickerItemHeight: `${t.touchMin}px`,
    nutuiInputnumberInputFontSize: `${t.fontBase}px`,
    nutuiInputnumberButtonWidth: `${t.touchMin}px`,
    nutuiInputnumberButtonHeight: `${t.touchMin}px`,
    nutuiInputnumberInputHeight: `${t.touchMin}px`,
    nutuiInputnumberInputWidth: `${t.touchMin}px`,
    nutuiCollapseItemFontSize: `${t.fontBase}px`,
    nutuiCollapseWrapperContentFontSize: `${t.fontBase}px`,
    nutuiNoticebarFontSize: `${t.fontBase}px`,
    nutuiTagFontSize: `${t.fontSmall}px`,
  };
}

export function useTheme(): { elder: boolean; tokens: ThemeTokens; vars: Record<string, string>; nutui: Record<string, string> } {
  const [elder] = useElderMode();
  const tokens = themeTokens(elder, systemFontScale());
  return { elder, tokens, vars: cssVars(tokens), nutui: nutuiTheme(elder, tokens) };
}
