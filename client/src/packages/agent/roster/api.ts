// The roster pages' calls: picking the spreadsheet (weapp: from a chat, where HR rosters arrive; H5: a file input),
// uploading it through storage (files.prepareUpload purpose `roster` → bytes → commitUpload), and the roster
// function's actions, each validated first with the shared schema.
import Taro from '@tarojs/taro';
import {
  AssessRosterInput,
  ImportRosterInput,
  MAX_FILE_BYTES,
  RosterBoardInput,
  type BoardRow,
  type BOARD_FILTERS,
  type BOARD_SORTS,
  formatChineseDate,
} from '@hz-points/shared';
export type { BoardRow };
/** The roster function's answers (shared/src/api/results.ts), under the names the roster pages use. */
export type {
  RosterImportResult as ImportResult,
  RosterAssessRow as AssessRow,
  RosterAssessResult as AssessResult,
  RosterBoard as BoardResult,
  RosterExport as ExportResult,
} from '@hz-points/shared';
import { sendFile, type LocalFile, type StoredFile } from '../../../services/cloud';
import { call, callChecked, type Result } from '../../apply/common/api';

const isH5 = process.env.TARO_ENV === 'h5';

export const ROSTER_MESSAGES = {
  TYPE: '请选择xlsx或csv格式的员工名单',
  TOO_LARGE: '名单文件超过4MB，请分批上传',
} as const;

function rosterKind(name: string): 'xlsx' | 'csv' | null {
  const ext = name.split('.').pop()?.toLowerCase() ?? '';
  return ext === 'xlsx' ? 'xlsx' : ext === 'csv' ? 'csv' : null;
}

/** Checks a picked file before anything is sent: kind by its name (the server checks the bytes), and size. */
export function checkRosterFile(
  name: string,
  size: number,
): { ok: true; kind: 'xlsx' | 'csv' } | { ok: false; message: string } {
  const kind = rosterKind(name);
  if (!kind) return { ok: false, message: ROSTER_MESSAGES.TYPE };
  if (size > MAX_FILE_BYTES) return { ok: false, message: ROSTER_MESSAGES.TOO_LARGE };
  return { ok: true, kind };
}

function pickInBrowser(): Promise<LocalFile | null> {
  return new Promise((resolve) => {
    const input = document.createElement('input');
    input.type = 'file';
    input.accept = '.xlsx,.csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv';
    input.style.position = 'fixed';
    input.style.left = '-9999px';
    input.addEventListener('change', () => {
      const f = input.files?.[0];
      input.remove();
      resolve(f ? { name: f.name, size: f.size, kind: rosterKind(f.name) ?? 'csv', blob: f } : null);
    });
    document.body.appendChild(input);
    input.click();
  });
}

/** Lets the agent pick one roster; null when cancelled. */
export async function pickRoster(): Promise<LocalFile | null> {
  if (isH5) return pickInBrowser();
  try {
    const res = await Taro.chooseMessageFile({ count: 1, type: 'file', extension: ['xlsx', 'csv'] });
    const f = res.tempFiles[0];
    return f ? { name: f.name, size: f.size, kind: rosterKind(f.name) ?? 'csv', path: f.path } : null;
  } catch {
    return null;
  }
}

/** prepareUpload (purpose roster) → the bytes with progress → commitUpload. */
export async function uploadRoster(
  file: LocalFile,
  onProgress?: (fraction: number) => void,
): Promise<Result<StoredFile>> {
  const ticket = await call('files', 'prepareUpload', {
    purpose: 'roster',
    kind: file.kind,
    size: file.size,
  });
  if (!ticket.ok) return ticket;
  return sendFile(file, ticket.data, onProgress);
}

export const importRoster = (fileId: string) => callChecked(ImportRosterInput, 'roster', 'import', { fileId });

export const assessRoster = () => callChecked(AssessRosterInput, 'roster', 'assess', {});

export type BoardFilter = (typeof BOARD_FILTERS)[number];
export type BoardSort = (typeof BOARD_SORTS)[number];
export const loadBoard = (filter: BoardFilter, sort: BoardSort) =>
  callChecked(RosterBoardInput, 'roster', 'board', { filter, sort });

export const exportBoard = (filter: BoardFilter, sort: BoardSort) =>
  callChecked(RosterBoardInput, 'roster', 'export', { filter, sort });

/** Opens the exported spreadsheet: weapp downloads it and opens the system viewer (it can be forwarded from there). */
export async function openSpreadsheet(url: string): Promise<void> {
  if (isH5) {
    window.open(url, '_blank', 'noopener');
    return;
  }
  const { tempFilePath, statusCode } = await Taro.downloadFile({ url });
  if (statusCode !== 200) throw new Error(`download failed: ${statusCode}`);
  await Taro.openDocument({ filePath: tempFilePath, fileType: 'xlsx', showMenu: true });
}

/** 2026年10月21日: the rules package's formatter, under the name the roster pages use. */
export const zhDate = formatChineseDate;
