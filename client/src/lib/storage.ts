// One adapter for persisted preferences: Taro storage on both targets (localStorage under H5). Failures (quota,
// private mode) only cost the preference, never the page, so they are swallowed here and nowhere else.
import Taro from '@tarojs/taro';

export function readPref<T>(key: string, fallback: T): T {
  try {
    const value = Taro.getStorageSync(key) as T | '' | undefined;
    return value === '' || value === undefined || value === null ? fallback : (value as T);
  } catch {
    return fallback;
  }
}

export function writePref<T>(key: string, value: T): void {
  try {
    Taro.setStorageSync(key, value);
  } catch {
    /* preference not persisted; the in-memory value still applies */
  }
}
