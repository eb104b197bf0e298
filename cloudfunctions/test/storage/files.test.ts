import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LocalFileStore } from '../../src/storage/files-local';
import { CloudbaseFileStore } from '../../src/storage/files-cloudbase';
import { CloudbaseStore } from '../../src/storage/cloudbase';
import { CloudbaseStandin } from '../../src/storage/cloudbase-standin';
import type { FileStore } from '../../src/storage/store';

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

/** In-memory stand-in of cloud.uploadFile / cloud.downloadFile as documented (overwrite on same path). */
function fakeCloudStorage() {
  const blobs = new Map<string, Buffer>();
  return {
    blobs,
    async uploadFile({ cloudPath, fileContent }: { cloudPath: string; fileContent: Buffer }) {
      blobs.set(`cloud://env-1.bucket/${cloudPath}`, Buffer.from(fileContent));
      return { fileID: `cloud://env-1.bucket/${cloudPath}`, statusCode: 200 };
    },
    async downloadFile({ fileID }: { fileID: string }) {
      const b = blobs.get(fileID);
      if (!b) throw Object.assign(new Error('downloadFile:fail file not exist'), { errCode: -503003 });
      return { fileContent: Buffer.from(b), statusCode: 200 };
    },
  };
}

function fileContract(name: string, make: () => FileStore) {
  describe(`FileStore: ${name}`, () => {
    test('put then get returns bytes and content type; overwrite replaces; missing is null', async () => {
      const files = make();
      const bytes = Buffer.from([0xff, 0xd8, 0xff, 0x00, 0x01]);
      await files.put('evidence/app1/f1.jpg', bytes, 'image/jpeg');
      expect(await files.get('evidence/app1/f1.jpg')).toEqual({ bytes, contentType: 'image/jpeg' });
      await files.put('evidence/app1/f1.jpg', Buffer.from('%PDF-1.7'), 'application/pdf');
      expect(await files.get('evidence/app1/f1.jpg')).toEqual({ bytes: Buffer.from('%PDF-1.7'), contentType: 'application/pdf' });
      expect(await files.get('evidence/app1/nope.jpg')).toBeNull();
    });

    test.each(['../escape.txt', 'a/../../b', '/etc/passwd', 'a//b', 'a/./b', '', 'a\\..\\b', 'x/f.meta.json', 'a/b c'])(
      'refuses path %p',
      async (bad) => {
        const files = make();
        await expect(files.put(bad, Buffer.from('x'), 'text/plain')).rejects.toThrow(/invalid file path/);
        await expect(files.get(bad)).rejects.toThrow(/invalid file path/);
      },
    );

    test('refuses a malformed content type', async () => {
      await expect(make().put('a.txt', Buffer.from('x'), 'text/plain\r\nX-Evil: 1')).rejects.toThrow(/content type/);
    });
  });
}

fileContract('local folder', () => {
  const d = mkdtempSync(join(tmpdir(), 'hz-files-'));
  dirs.push(d);
  return new LocalFileStore(join(d, 'files'));
});

fileContract('CloudBase storage (stand-ins)', () =>
  new CloudbaseFileStore(fakeCloudStorage(), new CloudbaseStore(new CloudbaseStandin({ throwOnNotFound: false }))),
);

test('local files stay under the root and leave no temporary files', async () => {
  const d = mkdtempSync(join(tmpdir(), 'hz-files-'));
  dirs.push(d);
  const files = new LocalFileStore(join(d, 'files'));
  await Promise.all(Array.from({ length: 10 }, (_, i) => files.put(`certs/c${i}.pdf`, Buffer.from(`pdf ${i}`), 'application/pdf')));
  expect(readdirSync(join(d, 'files', 'certs')).sort()).toEqual(
    Array.from({ length: 10 }, (_, i) => [`c${i}.pdf`, `c${i}.pdf.meta.json`]).flat().sort(),
  );
  expect(existsSync(join(d, 'escape.txt'))).toBe(false);
});

test('CloudBase files live under the prefix and are found through the index', async () => {
  const cloud = fakeCloudStorage();
  const files = new CloudbaseFileStore(cloud, new CloudbaseStore(new CloudbaseStandin()));
  await files.put('evidence/a/b.png', Buffer.from('png'), 'image/png');
  expect([...cloud.blobs.keys()]).toEqual(['cloud://env-1.bucket/hz-points/evidence/a/b.png']);
});
