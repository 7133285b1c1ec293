import { useEffect, useState } from 'react';

/** A tiny router over the History API; every route lives under /member/. */
export const BASE = '/member/';

export type Route =
  | { name: 'home' }
  | { name: 'sign-in' }
  | { name: 'register' }
  | { name: 'areas' }
  | { name: 'report' }
  | { name: 'reports' }
  | { name: 'report-detail'; id: string }
  | { name: 'alerts' }
  | { name: 'check' }
  | { name: 'account-deleted' }
  | { name: 'not-found' };

export function parse(pathname: string): Route {
  const rest = pathname.startsWith(BASE) ? pathname.slice(BASE.length) : pathname === '/member' ? '' : null;
  if (rest === null) return { name: 'not-found' };
  const parts = rest.split('/').filter(Boolean);
  if (parts.length === 0) return { name: 'home' };
  const [first, second] = parts;
  if (parts.length === 1) {
    switch (first) {
      case 'sign-in':
      case 'register':
      case 'areas':
      case 'report':
      case 'reports':
      case 'alerts':
      case 'check':
      case 'account-deleted':
        return { name: first };
    }
  }
  if (parts.length === 2 && first === 'reports' && /^[0-9a-f-]{36}$/i.test(second)) return { name: 'report-detail', id: second };
  return { name: 'not-found' };
}

export function href(route: Route): string {
  switch (route.name) {
    case 'home':
    case 'not-found':
      return BASE;
    case 'report-detail':
      return `${BASE}reports/${route.id}`;
    default:
      return `${BASE}${route.name}`;
  }
}

const listeners = new Set<() => void>();

export function navigate(route: Route, { replace = false } = {}): void {
  const url = href(route);
  if (replace) history.replaceState(null, '', url);
  else if (location.pathname !== url) history.pushState(null, '', url);
  listeners.forEach((l) => l());
}

export function useRoute(): Route {
  const [route, setRoute] = useState(() => parse(location.pathname));
  useEffect(() => {
    const update = () => setRoute(parse(location.pathname));
    listeners.add(update);
    window.addEventListener('popstate', update);
    return () => {
      listeners.delete(update);
      window.removeEventListener('popstate', update);
    };
  }, []);
  return route;
}
