// Saving the personal-data export as a file. weapp: written under USER_DATA_PATH, then offered through WeChat's
// "send file" sheet (a chat or 文件传输助手 keeps it; a mini-program cannot write to the phone's downloads).
// The H5 build resolves ./saveJson to saveJson.h5.ts (a browser download).
import Taro from '@tarojs/taro';

export async function saveJsonFile(fileName: string, json: string): Promise<string> {
  const filePath = `${Taro.env.USER_DATA_PATH}/${fileName}`;
  await new Promise<void>((resolve, reject) => {
    Taro.getFileSystemManager().writeFile({
      filePath,
      data: json,
      encoding: 'utf8',
      success: () => resolve(),
      fail: (e) => reject(new Error(e.errMsg)),
    });
  });
  await Taro.shareFileMessage({ filePath, fileName });
  return filePath;
}
