import { maxPhotoBytes, sniffImage } from '../../../files/image-type';
import type { ImportedPhoto } from '../../import/contact-builder';
import type { VCardProperty } from './read';

// PHOTO (and LOGO, for a company) in the forms phones write: 2.1 `PHOTO;ENCODING=BASE64;JPEG:`,
// 3.0 `PHOTO;ENCODING=b;TYPE=JPEG:`, 4.0 `PHOTO:data:image/jpeg;base64,`. The bytes decide what
// the picture is, not the TYPE a writer claims (src-main/files/image-type.ts).

export type PhotoReading =
  | { kind: 'photo'; photo: ImportedPhoto }
  | { kind: 'link'; url: string }
  | { kind: 'unusable'; reason: string };

export function readPhoto(property: VCardProperty): PhotoReading {
  const value = property.value.trim();
  const encoding = (property.params.get('ENCODING')?.[0] ?? '').toUpperCase();
  let base64: string | null = null;
  const dataUri = /^data:([^,]*?)(;base64)?,(.*)$/is.exec(value);
  if (dataUri) {
    if (!dataUri[2]) return { kind: 'unusable', reason: 'is a data URI that is not base64' };
    base64 = dataUri[3]!;
  } else if (encoding === 'B' || encoding === 'BASE64') {
    base64 = value;
  } else if (/^[a-z][a-z0-9+.-]*:/i.test(value)) {
    return { kind: 'link', url: value };
  } else {
    return { kind: 'unusable', reason: 'is neither base64 data nor a data URI' };
  }
  const compact = base64.replace(/\s+/g, '');
  if (!/^[A-Za-z0-9+/_-]*={0,2}$/.test(compact) || compact === '') return { kind: 'unusable', reason: 'is not valid base64' };
  if ((compact.length * 3) / 4 > maxPhotoBytes) return { kind: 'unusable', reason: `is larger than ${maxPhotoBytes / 1024 / 1024} MB` };
  const bytes = new Uint8Array(Buffer.from(compact, 'base64'));
  const mimeType = sniffImage(bytes);
  if (!mimeType) return { kind: 'unusable', reason: 'is not a JPEG, PNG, GIF, WebP or BMP picture' };
  return { kind: 'photo', photo: { bytes, mimeType } };
}
