// Showing a file the server sent as base64 (evidence for reviewers, the PDF certificate): the mini-program writes
// it to a user-data temp file and opens it with the system viewer; H5 makes a blob URL.
import Taro from '@tarojs/taro';

const isH5 = process.env.TARO_ENV === 'h5';

export function base64ToBlobUrl(base64: string, contentType: string): string {
  const bin = atob(base64);
  const bytes = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i += 1) bytes[i] = bin.charCodeAt(i);
  return URL.createObjectURL(new Blob([bytes], { type: contentType }));
}

/** weapp: writes the file under USER_DATA_PATH and returns its path. */
export function writeTempFile(base64: string, fileName: string): Promise<string> {
  const filePath = `${Taro.env.USER_DATA_PATH}/${fileName}`;
  return new Promise((resolve, reject) => {
    Taro.getFileSystemManager().writeFile({
      filePath,
      data: base64,
      encoding: 'base64',
      success: () => resolve(filePath),
      fail: (e) => reject(new Error(e.errMsg)),
    });
  });
}

/** Opens a PDF or image for reading. H5: a new tab on a blob URL (returned, so callers may also offer a link). */
export async function openBase64File(base64: string, contentType: string, fileName: string): Promise<string | null> {
  if (isH5) {
    const url = base64ToBlobUrl(base64, contentType);
    window.open(url, '_blank');
    return url;
  }
  const path = await writeTempFile(base64, fileName);
  if (contentType === 'application/pdf') {
    await Taro.openDocument({ filePath: path, fileType: 'pdf', showMenu: true });
  } else {
    await Taro.previewImage({ urls: [path], current: path });
  }
  return path;
}
