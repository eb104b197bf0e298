// H5: a browser download of the personal-data export (see saveJson.ts for the mini-program).
export async function saveJsonFile(fileName: string, json: string): Promise<string> {
  const url = URL.createObjectURL(new Blob([json], { type: 'application/json' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
  return fileName;
}
