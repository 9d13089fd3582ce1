// Routes live in the URL hash so that Back works in the browser host and a reload keeps the
// screen, with no router library. `store.ts` keeps the parsed route in step with the hash.

export type Route =
  | { name: 'contacts' }
  | { name: 'contactNew' }
  | { name: 'contact'; id: string }
  | { name: 'contactEdit'; id: string }
  | { name: 'settings'; focus?: 'userName' };

export function parseRoute(hash: string): Route {
  const parts = hash.replace(/^#\/?/, '').split('/').filter(Boolean).map(decodeURIComponent);
  const [first, second, third] = parts;
  if (first === 'settings') return second === 'name' ? { name: 'settings', focus: 'userName' } : { name: 'settings' };
  if (first === 'contacts' && second === 'new') return { name: 'contactNew' };
  if (first === 'contacts' && second) return third === 'edit' ? { name: 'contactEdit', id: second } : { name: 'contact', id: second };
  return { name: 'contacts' };
}

export function routeHash(route: Route): string {
  switch (route.name) {
    case 'contacts':
      return '#/contacts';
    case 'contactNew':
      return '#/contacts/new';
    case 'contact':
      return `#/contacts/${encodeURIComponent(route.id)}`;
    case 'contactEdit':
      return `#/contacts/${encodeURIComponent(route.id)}/edit`;
    case 'settings':
      return route.focus === 'userName' ? '#/settings/name' : '#/settings';
  }
}
