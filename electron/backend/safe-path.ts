/**
 * Resolving a URL path to a file inside a folder, refusing anything that could escape it: `..` segments
 * (also percent-encoded), backslashes, NUL bytes. Used by the app:// protocol and by browser mode's server.
 */
export function resolveInsideRoot(
  rawPathname: string,
  root: string,
  join: (...parts: string[]) => string,
  sep: string,
): string | null {
  let pathname: string;
  try {
    pathname = decodeURIComponent(rawPathname);
  } catch {
    return null;
  }
  if (pathname.includes('\0') || pathname.includes('\\')) return null;
  const segments = pathname.split('/').filter((s) => s !== '' && s !== '.');
  if (segments.some((s) => s === '..')) return null;
  const relative = segments.length === 0 ? 'index.html' : segments.join('/');
  const full = join(root, relative);
  const normalisedRoot = root.endsWith(sep) ? root : root + sep;
  return full.startsWith(normalisedRoot) ? full : null;
}
