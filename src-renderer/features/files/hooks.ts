import type { FileCategory, StoredFile } from '../../../src-shared/domain/file';
import { api } from '../../api';
import { useUi } from '../../store';
import { formatBytes } from '../../ui/format';
import { useLiveQuery } from '../../ui/use-live-query';

export const categoryLabels: Record<FileCategory, string> = {
  quote: 'Quote',
  contract: 'Contract',
  photo: 'Photo',
  document: 'Document',
};

export function useFiles(contactId: string) {
  return useLiveQuery(`files:${contactId}`, () => api.invoke('files.list', { contactId }), { activity: ['files'], contactId });
}

// Browsers leave File.type empty for extensions they do not know; the common office ones are named here.
const typesByExtension: Record<string, string> = {
  pdf: 'application/pdf',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  png: 'image/png',
  heic: 'image/heic',
  webp: 'image/webp',
  doc: 'application/msword',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xls: 'application/vnd.ms-excel',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv',
  txt: 'text/plain',
};

export function mimeTypeOf(file: File): string {
  if (file.type) return file.type;
  const extension = file.name.split('.').pop()?.toLowerCase() ?? '';
  return typesByExtension[extension] ?? 'application/octet-stream';
}

export function guessCategory(file: File, chosen: FileCategory | 'auto'): FileCategory {
  if (chosen !== 'auto') return chosen;
  if (mimeTypeOf(file).startsWith('image/')) return 'photo';
  return /quote|estimate/i.test(file.name) ? 'quote' : /contract|agreement/i.test(file.name) ? 'contract' : 'document';
}

/** A message for a file over the limit, before any byte is sent (the core refuses it too). */
export function tooLargeMessage(file: File, maxFileBytes: number): string | undefined {
  return file.size > maxFileBytes ? `“${file.name}” is ${formatBytes(file.size)}, over the ${formatBytes(maxFileBytes)} limit for files.` : undefined;
}

export async function attachFile(contactId: string, file: File, category: FileCategory): Promise<StoredFile> {
  const staged = await api.uploadFile(file);
  return api.invoke('files.add', { contactId, uploadId: staged.uploadId, name: file.name, mimeType: mimeTypeOf(file), category });
}

export async function deleteFileWithUndo(file: StoredFile): Promise<void> {
  const { showError, pushToast } = useUi.getState();
  try {
    await api.invoke('files.delete', { id: file.id });
  } catch (error) {
    showError(error);
    return;
  }
  pushToast({
    message: `Deleted ${file.name}`,
    action: {
      label: 'Undo',
      run: () => {
        api.invoke('files.restore', { id: file.id }).then(
          () => useUi.getState().pushToast({ message: `Restored ${file.name}` }),
          (error: unknown) => useUi.getState().showError(error),
        );
      },
    },
  });
}
