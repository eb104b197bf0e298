// Types of first-load.mjs for the TypeScript benchmarks.
export interface MeasuredFile {
  file: string;
  raw: number;
  gzip: number;
  brotli: number | null;
}
export interface FileGroup {
  files: MeasuredFile[];
  raw: number;
  gzip: number;
  brotli: number;
}
export interface FirstLoad {
  route: string;
  js: FileGroup;
  css: FileGroup;
  repeatedStylesheets: { module: string; chunks: number }[];
}
export declare const MANIFEST: string;
export declare function readRouteChunks(h5Dir: string): unknown;
export declare function firstLoad(h5Dir: string, route?: string): FirstLoad | null;
