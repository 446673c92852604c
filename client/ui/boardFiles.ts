/**
 * Talking to the export, import and snapshot routes of the server from the board page: the
 * board id comes from the address (`/b/<id>`), the token from its fragment (`#<token>`).
 *
 *   await downloadExport('png', { onProgress: (p) => show(p) });
 */

import type { Language } from '../../shared/ydoc';
import { boardLinks, errorMessage } from './apiAnswer';
import type { StringKey } from './strings';

/** The export formats the server offers. */
export type ExportFormat = 'png' | 'svg' | 'pdf' | 'json' | 'md';

/** The formats in menu order, with their labels. */
export const EXPORT_CHOICES: readonly { format: ExportFormat; key: StringKey }[] = [
  { format: 'png', key: 'export.png' },
  { format: 'svg', key: 'export.svg' },
  { format: 'pdf', key: 'export.pdf' },
  { format: 'json', key: 'export.json' },
  { format: 'md', key: 'export.md' },
];

/** A snapshot as the server lists it. */
export interface SnapshotInfo {
  readonly id: string;
  readonly label: string;
  readonly createdAt: number;
}

/** A board created by the server (create or import): its links per role. */
export interface CreatedBoard {
  readonly id: string;
  readonly title: string;
  readonly urls: { facilitator: string; participant: string; viewer: string };
  readonly problemCount?: number;
}

/** The open board's id and token, from the address. */
export function boardAccess(): { boardId: string; token: string } {
  return {
    boardId: decodeURIComponent(location.pathname.split('/')[2] ?? ''),
    token: location.hash.slice(1),
  };
}

async function request(path: string, init: RequestInit = {}): Promise<Response> {
  const { boardId, token } = boardAccess();
  const res = await fetch(`/api/boards/${encodeURIComponent(boardId)}${path}`, {
    ...init,
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json', ...init.headers },
  });
  if (!res.ok) throw new Error(errorMessage(await res.json().catch(() => null), res.status));
  return res;
}

/** Progress of a download: `null` while the server prepares the file, then the share received. */
export type Progress = number | null;

/** Downloads an export of the board (or of a snapshot) as a file; resolves with its name. */
export async function downloadExport(
  format: ExportFormat,
  options: { snapshot?: string; language?: Language; onProgress?: (progress: Progress) => void } = {},
): Promise<string> {
  options.onProgress?.(null);
  const query = new URLSearchParams({ format });
  if (options.snapshot) query.set('snapshot', options.snapshot);
  // The report speaks the language of whoever exports it, whatever the board's.
  if (options.language) query.set('language', options.language);
  const res = await request(`/export?${query}`);
  const total = Number(res.headers.get('content-length')) || 0;
  const chunks: Uint8Array[] = [];
  let received = 0;
  const reader = res.body?.getReader();
  while (reader) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    received += value.length;
    if (total) options.onProgress?.(received / total);
  }
  const name = fileNameOf(res.headers.get('content-disposition')) ?? `olievlek.${format}`;
  const blob = new Blob(chunks as BlobPart[], { type: res.headers.get('content-type') ?? undefined });
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
  return name;
}

/** An object URL of a snapshot's SVG, for a preview image; revoke it when done. */
export async function snapshotPreview(snapshot: string): Promise<string> {
  const res = await request(`/export?format=svg&snapshot=${encodeURIComponent(snapshot)}`);
  return URL.createObjectURL(await res.blob());
}

/** The board's snapshots, newest first. */
export async function listSnapshots(): Promise<SnapshotInfo[]> {
  const body = (await (await request('/snapshots')).json()) as { snapshots: SnapshotInfo[] };
  return body.snapshots;
}

/** Takes a named snapshot (facilitator). */
export async function takeSnapshot(label: string): Promise<SnapshotInfo> {
  return (await (
    await request('/snapshots', { method: 'POST', body: JSON.stringify({ label }) })
  ).json()) as SnapshotInfo;
}

/** Restores a snapshot (facilitator): everyone sees the board change back. */
export async function restoreSnapshot(id: string): Promise<void> {
  await request(`/snapshots/${encodeURIComponent(id)}/restore`, { method: 'POST' });
}

/** Creates a new board from the text of a JSON export. */
export async function importBoard(json: string): Promise<CreatedBoard> {
  const res = await fetch('/api/boards/import', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: json,
  });
  return createdBoard(res);
}

/** A new board from the server's 201 answer (create or import); throws with the server's message. */
export async function createdBoard(res: Response): Promise<CreatedBoard> {
  const body = (await res.json().catch(() => null)) as Omit<CreatedBoard, 'urls'> | null;
  const urls = res.ok ? boardLinks(body, location.origin) : null;
  if (!body || !urls) throw new Error(errorMessage(body, res.status));
  return { ...body, urls };
}

/** The file name in a Content-Disposition header. */
function fileNameOf(header: string | null): string | null {
  const star = header?.match(/filename\*=UTF-8''([^;]+)/i)?.[1];
  if (star) return decodeURIComponent(star);
  return header?.match(/filename="([^"]+)"/i)?.[1] ?? null;
}
