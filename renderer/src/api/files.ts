/**
 * Opening and saving files: native dialogs in the desktop app (the shell picks the path, the renderer never
 * sees one); a file picker and a download in browser mode.
 */
import type { FileKind } from '../../../shared/ipc/shell-contract';
import { isDesktop } from './transport';

const ACCEPT: Record<'project' | 'csv', string> = {
  project: '.json,application/json',
  csv: '.csv,text/csv,text/plain',
};

export async function openTextFile(kind: 'project' | 'csv'): Promise<{ name: string; content: string } | null> {
  if (isDesktop()) {
    const result = (await window.sroi!.invoke('files/open', { kind })) as {
      ok: boolean;
      value?: { file: { name: string; content: string } | null };
      error?: { message: string };
    };
    if (!result.ok) throw new Error(result.error?.message ?? 'The file could not be opened.');
    return result.value?.file ?? null;
  }
  return new Promise((resolve) => {
    const input = document.createElement('input');
    input.type = 'file';
    input.accept = ACCEPT[kind];
    input.addEventListener('change', async () => {
      const file = input.files?.[0];
      resolve(file ? { name: file.name, content: await file.text() } : null);
    });
    input.click();
  });
}

export async function saveTextFile(suggestedName: string, kind: FileKind, content: string): Promise<boolean> {
  if (isDesktop()) {
    const result = (await window.sroi!.invoke('files/save', { suggestedName, kind, content, encoding: 'utf8' })) as {
      ok: boolean;
      value?: { saved: boolean };
      error?: { message: string };
    };
    if (!result.ok) throw new Error(result.error?.message ?? 'The file could not be saved.');
    return result.value?.saved ?? false;
  }
  const url = URL.createObjectURL(new Blob([content], { type: kind === 'csv' ? 'text/csv' : 'application/json' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = suggestedName;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
  return true;
}

/** A file name from a project name: letters, digits and dashes only. */
export function fileNameFor(name: string, extension: string): string {
  const base =
    name
      .normalize('NFKD')
      .replace(/[^\w\s-]/g, '')
      .trim()
      .replace(/\s+/g, '-')
      .toLowerCase() || 'project';
  return `${base}.${extension}`;
}
