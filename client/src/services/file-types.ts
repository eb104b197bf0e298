// The shapes of a file on its way to storage, shared by both platform transports (cloud.ts / cloud.h5.ts).

/** A file on the device ready to send: weapp keeps a temp path, H5 a Blob. `kind` is checked again on the bytes. */
export interface LocalFile {
  name: string;
  size: number;
  kind: 'jpg' | 'png' | 'pdf' | 'xlsx' | 'csv';
  path?: string;
  blob?: Blob;
}
/** What files.prepareUpload answered: where the bytes go. */
export interface UploadTicket {
  uploadId: string;
  cloudPath: string;
}
export interface StoredFile {
  fileId: string;
  contentType: string;
  size: number;
}
