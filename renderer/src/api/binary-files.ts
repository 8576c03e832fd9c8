/**
 * Saving binary files (chart PNGs; later PDF, Word, Excel): the native save dialog in the desktop app, with
 * the content sent as base64 on the 'files/save' channel; a download in browser mode. Like files.ts, the
 * renderer never sees a path.
 */
import type { FileKind } from '../../../shared/ipc/shell-contract';
import { isDesktop } from './transport';

const MIME: Partial<Record<FileKind, string>> = {
  png: 'image/png',
  svg: 'image/svg+xml',
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

/** The bytes of a base64 string (no data: prefix). */
export function base64ToBytes(base64: string): Uint8Array<ArrayBuffer> {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/**
 * Save `base64` (the file's bytes, base64-encoded, without a data: prefix) under a suggested name. Returns
 * false when the user cancels the dialog; throws with a readable message when the file cannot be written.
 */
export async function saveBinaryFile(suggestedName: string, kind: FileKind, base64: string): Promise<boolean> {
  if (isDesktop()) {
    const result = (await window.sroi!.invoke('files/save', {
      suggestedName,
      kind,
      content: base64,
      encoding: 'base64',
    })) as { ok: boolean; value?: { saved: boolean }; error?: { message: string } };
    if (!result.ok) throw new Error(result.error?.message ?? 'The file could not be saved.');
    return result.value?.saved ?? false;
  }
  const blob = new Blob([base64ToBytes(base64)], { type: MIME[kind] ?? 'application/octet-stream' });
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = suggestedName;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
  return true;
}
