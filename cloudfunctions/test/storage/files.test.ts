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
    async deleteFile({ fileList }: { fileList: string[] }) {
      return { fileList: fileList.map((fileID) => ({ fileID, status: blobs.delete(fileID) ? 0 : -503003 })) };
    },
    async getTempFileURL({ fileList }: { fileList: Array<{ fileID: string; maxAge: number }> }) {
      return {
        fileList: fileList.map(({ fileID, maxAge }) => ({
          fileID,
          tempFileURL: blobs.has(fileID)
            ? `https://env-1.tcb.example/${fileID.slice('cloud://env-1.bucket/'.length)}?max_age=${maxAge}`
            : '',
          status: blobs.has(fileID) ? 0 : -503003,
        })),
      };
    },
  };
}

/** What the client's upload does: weapp's wx.cloud.uploadFile to the cloudPath, or the local upload endpoint. */
type ClientUpload = (target: string, bytes: Buffer) => Promise<string>;

function fileContract(name: string, make: () => FileStore, clientUpload?: (files: FileStore) => ClientUpload) {
  describe(`FileStore: ${name}`, () => {
    if (clientUpload) {
      const NOW = new Date('2026-05-01T01:00:00.000Z');
      test('a client upload is read back only through the fileID naming its path, accepted, then found by get', async () => {
        const files = make();
        const upload = clientUpload(files);
        const bytes = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff]), Buffer.alloc(1000, 7)]);
        const fileID = await upload(files.uploadTarget('evidence/p1/a.jpg'), bytes);
        await upload(files.uploadTarget('evidence/p2/b.jpg'), Buffer.from('%PDF-other'));
        expect(await files.readUpload('evidence/p1/a.jpg', fileID)).toEqual(bytes);
        // A fileID of another path (or a made-up one) never reads anything.
        expect(await files.readUpload('evidence/p2/b.jpg', fileID)).toBeNull();
        expect(await files.readUpload('evidence/p1/a.jpg', fileID.replace('a.jpg', 'b.jpg'))).toBeNull();
        expect(await files.readUpload('evidence/p1/nothing.jpg', fileID.replace('a.jpg', 'nothing.jpg'))).toBeNull();
        await files.acceptUpload('evidence/p1/a.jpg', fileID, 'image/jpeg', bytes.length);
        expect(await files.get('evidence/p1/a.jpg')).toEqual({ bytes, contentType: 'image/jpeg' });
        const link = await files.temporaryUrl('evidence/p1/a.jpg', 600, NOW);
        expect(link).toEqual({ url: expect.any(String), expiresAt: '2026-05-01T01:10:00.000Z' });
        expect(await files.temporaryUrl('evidence/p1/missing.jpg', 600, NOW)).toBeNull();
      });

      test('a discarded upload is gone', async () => {
        const files = make();
        const fileID = await clientUpload(files)(files.uploadTarget('docs/p1/c.png'), Buffer.from('not a png'));
        await files.discardUpload('docs/p1/c.png', fileID);
        expect(await files.readUpload('docs/p1/c.png', fileID)).toBeNull();
        await files.discardUpload('docs/p1/c.png', fileID); // already gone: no error
      });
    }

    test('put then get returns bytes and content type; overwrite replaces; missing is null', async () => {
      const files = make();
      const bytes = Buffer.from([0xff, 0xd8, 0xff, 0x00, 0x01]);
      await files.put('evidence/app1/f1.jpg', bytes, 'image/jpeg');
      expect(await files.get('evidence/app1/f1.jpg')).toEqual({ bytes, contentType: 'image/jpeg' });
      await files.put('evidence/app1/f1.jpg', Buffer.from('%PDF-1.7'), 'application/pdf');
      expect(await files.get('evidence/app1/f1.jpg')).toEqual({
        bytes: Buffer.from('%PDF-1.7'),
        contentType: 'application/pdf',
      });
      expect(await files.get('evidence/app1/nope.jpg')).toBeNull();
    });

    test('stat answers content type and size without the bytes; missing is null', async () => {
      const files = make();
      await files.put('certificates/app1/JF-2025-000001.pdf', Buffer.from('%PDF-1.7 certificate'), 'application/pdf');
      expect(await files.stat('certificates/app1/JF-2025-000001.pdf')).toEqual({
        contentType: 'application/pdf',
        size: 20,
      });
      expect(await files.stat('certificates/app1/JF-2025-000002.pdf')).toBeNull();
      await expect(files.stat('../escape.pdf')).rejects.toThrow(/invalid file path/);
    });

    test.each(['../escape.txt', 'a/../../b', '/etc/passwd', 'a//b', 'a/./b', '', 'a\\..\\b', 'x/f.meta.json', 'a/b c'])(
      'refuses path %p',
      async (bad) => {
        const files = make();
        await expect(files.put(bad, Buffer.from('x'), 'text/plain')).rejects.toThrow(/invalid file path/);
        await expect(files.get(bad)).rejects.toThrow(/invalid file path/);
      },
    );

    test('listStored pages through every file once, in a stable order, while files already listed are removed', async () => {
      const files = make();
      // 'p1.x' sorts before 'p1/' ('.' < '/'): a folder sorts as its name plus '/'.
      const paths = [
        'docs/p1/b.pdf',
        'docs/p1.x/a.pdf',
        'evidence/p2/c.jpg',
        'certificates/app1/JF-2025-000001-t.pdf',
        'docs/p1/a.pdf',
      ];
      for (const p of paths) await files.put(p, Buffer.from(`%PDF-${p}`), 'application/pdf');
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const page: Awaited<ReturnType<FileStore['listStored']>> = await files.listStored(cursor, 2);
        expect(page.files.length).toBeLessThanOrEqual(2);
        for (const f of page.files) {
          expect(f).toEqual({
            path: f.path,
            size: Buffer.byteLength(`%PDF-${f.path}`),
            storedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/),
          });
          seen.push(f.path);
        }
        // Erasing what was just listed (as the sweep does) neither repeats nor skips anything.
        await files.removeStored(page.files.filter((f) => f.path.startsWith('docs/')).map((f) => f.path));
        cursor = page.cursor;
      } while (cursor !== null);
      expect([...seen].sort()).toEqual([...paths].sort());
      expect(new Set(seen).size).toBe(paths.length);
      expect(await files.stat('docs/p1/a.pdf')).toBeNull();
      expect(await files.get('docs/p1.x/a.pdf')).toBeNull();
      expect(await files.get('evidence/p2/c.jpg')).not.toBeNull();
    });

    test('removeStored: a path already gone, or never stored, is no error', async () => {
      const files = make();
      await files.put('evidence/p3/x.png', Buffer.from([0x89, 0x50]), 'image/png');
      await files.removeStored(['evidence/p3/x.png']);
      await files.removeStored(['evidence/p3/x.png', 'evidence/p3/never.png']);
      expect(await files.get('evidence/p3/x.png')).toBeNull();
      expect((await files.listStored(null, 10)).files).toEqual([]);
    });

    test('refuses a malformed content type', async () => {
      await expect(make().put('a.txt', Buffer.from('x'), 'text/plain\r\nX-Evil: 1')).rejects.toThrow(/content type/);
    });
  });
}

fileContract(
  'local folder',
  () => {
    const d = mkdtempSync(join(tmpdir(), 'hz-files-'));
    dirs.push(d);
    return new LocalFileStore(join(d, 'files'));
  },
  (files) => async (target, bytes) => (await (files as LocalFileStore).receiveUpload(target, bytes)).fileID,
);

const cloudStorages = new WeakMap<FileStore, ReturnType<typeof fakeCloudStorage>>();
fileContract(
  'CloudBase storage (stand-ins)',
  () => {
    const storage = fakeCloudStorage();
    const files = new CloudbaseFileStore(
      storage,
      new CloudbaseStore(new CloudbaseStandin({ throwOnNotFound: false })),
      'hz-points',
      'env-1',
    );
    cloudStorages.set(files, storage);
    return files;
  },
  // wx.cloud.uploadFile from the mini-program (the client's own call, not the function's).
  (files) => async (target, bytes) =>
    (await cloudStorages.get(files)!.uploadFile({ cloudPath: target, fileContent: bytes })).fileID,
);

test('CloudBase: a fileID from another environment is not read, even at the right path', async () => {
  const storage = fakeCloudStorage();
  const files = new CloudbaseFileStore(
    storage,
    new CloudbaseStore(new CloudbaseStandin({ throwOnNotFound: false })),
    'hz-points',
    'env-2',
  );
  const { fileID } = await storage.uploadFile({
    cloudPath: files.uploadTarget('evidence/p/x.jpg'),
    fileContent: Buffer.from([0xff, 0xd8, 0xff]),
  });
  expect(fileID.startsWith('cloud://env-1.')).toBe(true);
  expect(await files.readUpload('evidence/p/x.jpg', fileID)).toBeNull();
});

test('local temporary links: the signed link opens until it expires; an altered or forged one never', async () => {
  const d = mkdtempSync(join(tmpdir(), 'hz-files-'));
  dirs.push(d);
  const files = new LocalFileStore(join(d, 'files'));
  await files.put('evidence/p1/a.pdf', Buffer.from('%PDF-1.7 x'), 'application/pdf');
  const { url } = (await files.temporaryUrl('evidence/p1/a.pdf', 600, new Date('2026-05-01T01:00:00.000Z')))!;
  expect(url).toMatch(/^\/api\/files\/download\/evidence\/p1\/a\.pdf\?expires=\d+&sig=/);
  expect(await files.openTemporaryUrl(url, new Date('2026-05-01T01:09:59.000Z'))).toEqual({
    bytes: Buffer.from('%PDF-1.7 x'),
    contentType: 'application/pdf',
  });
  expect(await files.openTemporaryUrl(url, new Date('2026-05-01T01:10:00.000Z'))).toBeNull();
  await files.put('evidence/p2/b.pdf', Buffer.from('%PDF-1.7 y'), 'application/pdf');
  const early = new Date('2026-05-01T01:01:00.000Z');
  expect(await files.openTemporaryUrl(url.replace('p1/a.pdf', 'p2/b.pdf'), early)).toBeNull();
  expect(await files.openTemporaryUrl(url.replace(/expires=\d+/, 'expires=99999999999999'), early)).toBeNull();
  expect(await new LocalFileStore(join(d, 'files')).openTemporaryUrl(url, early)).toBeNull(); // another key
});

test('local files stay under the root and leave no temporary files', async () => {
  const d = mkdtempSync(join(tmpdir(), 'hz-files-'));
  dirs.push(d);
  const files = new LocalFileStore(join(d, 'files'));
  await Promise.all(
    Array.from({ length: 10 }, (_, i) => files.put(`certs/c${i}.pdf`, Buffer.from(`pdf ${i}`), 'application/pdf')),
  );
  expect(readdirSync(join(d, 'files', 'certs')).sort()).toEqual(
    Array.from({ length: 10 }, (_, i) => [`c${i}.pdf`, `c${i}.pdf.meta.json`])
      .flat()
      .sort(),
  );
  expect(existsSync(join(d, 'escape.txt'))).toBe(false);
});

test('CloudBase files live under the prefix and are found through the index', async () => {
  const cloud = fakeCloudStorage();
  const files = new CloudbaseFileStore(cloud, new CloudbaseStore(new CloudbaseStandin()));
  await files.put('evidence/a/b.png', Buffer.from('png'), 'image/png');
  expect(files.uploadTarget('evidence/a/c.png')).toBe('hz-points/evidence/a/c.png');
  expect([...cloud.blobs.keys()]).toEqual(['cloud://env-1.bucket/hz-points/evidence/a/b.png']);
});
