/** Hash routes (#/ and #/projects/ID/section): work the same from app:// and from browser mode. */
import { useEffect, useState } from 'react';

export const SECTIONS = [
  'scope',
  'stakeholders',
  'inputs',
  'outputs',
  'outcomes',
  'results',
  'sensitivity',
  'scenarios',
  'report',
] as const;
export type Section = (typeof SECTIONS)[number];

export type Route = { name: 'home' } | { name: 'project'; projectId: string; section: Section };

export function parseRoute(hash: string): Route {
  const match = /^#\/projects\/([A-Za-z0-9_-]+)(?:\/([a-z]+))?/.exec(hash);
  if (match) {
    const section = (SECTIONS as readonly string[]).includes(match[2] ?? '') ? (match[2] as Section) : 'scope';
    return { name: 'project', projectId: match[1], section };
  }
  return { name: 'home' };
}

export function hrefFor(route: Route): string {
  return route.name === 'home' ? '#/' : `#/projects/${route.projectId}/${route.section}`;
}

export function navigate(route: Route): void {
  window.location.hash = hrefFor(route);
}

export function useRoute(): Route {
  const [route, setRoute] = useState(() => parseRoute(window.location.hash));
  useEffect(() => {
    const onChange = () => setRoute(parseRoute(window.location.hash));
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  return route;
}
