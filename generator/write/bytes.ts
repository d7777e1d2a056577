/**
 * The UTF-8 bytes of a rendered file, encoded once per file object. The write stage needs them
 * three times (compare with the disk, hash for the manifest, write), and encoding the ~13 MB of a
 * large SDK is a measurable part of the stage.
 */
const encoded = new WeakMap<object, Buffer>();

export function bytesOf(file: { readonly contents: string }): Buffer {
  let bytes = encoded.get(file);
  if (bytes === undefined) {
    bytes = Buffer.from(file.contents, 'utf8');
    encoded.set(file, bytes);
  }
  return bytes;
}
