// H5 build of ./zod-jitless: nothing to do. Browsers allow zod's compiled parsers (they give the same results as the
// interpreted ones WeChat needs), and importing zod's core here would put it in the first load of every page, the
// home page included, which uses no schema (Taro picks this file over zod-jitless.ts when building for H5).
export {};
