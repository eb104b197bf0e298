/// <reference types="@tarojs/taro" />

declare module '*.png';
declare module '*.svg';
declare module '*.css';
declare module '*.scss';

declare namespace NodeJS {
  interface ProcessEnv {
    NODE_ENV: 'development' | 'production' | 'test';
    /** Build target; Taro replaces it at build time, so `if (process.env.TARO_ENV === 'h5')` removes dead code. */
    TARO_ENV: 'weapp' | 'h5' | string;
    /** WeChat CloudBase environment id (defined in every .env.* file: an undefined one crashes the weapp). */
    TARO_APP_CLOUD_ENV: string;
  }
}
