import react from '@vitejs/plugin-react';
import path from 'node:path';
import { defineConfig } from 'vite';

// The renderer is served from a file:// URL in Electron and from the browser host's root, so
// every asset path is relative.
export default defineConfig({
  root: 'src-renderer',
  base: './',
  plugins: [react()],
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    // The bundle is read from disk (Electron's app:// or the loopback host), never downloaded, so
    // a large chunk costs no network time; what the first screen loads is kept small for parsing
    // (docs/renderer.md, "How the app opens").
    chunkSizeWarningLimit: 1024,
    rolldownOptions: {
      output: {
        codeSplitting: { groups: [{ name: contactsScreenChunk(), includeDependenciesRecursively: false }] },
      },
    },
  },
});

/**
 * The contacts screen's code in one chunk (and its styles in one file), not in the ~25 small ones
 * automatic splitting made of it: the app opens on it, and at 100k the last of those files came
 * after the first page's answer, the host answering the opening calls between them
 * (BENCHMARKS.md, "Cold start at 100k: …"). Only what the entry does not load already: the
 * entry's own modules stay where they are, so the dashboard opens as before.
 */
function contactsScreenChunk() {
  const entry = path.resolve('src-renderer/main.tsx');
  const screen = path.resolve('src-renderer/features/contacts/ContactsScreen.tsx');
  let captured: Set<string> | undefined;
  return (moduleId: string, context: { getModuleInfo(id: string): { importedIds: readonly string[] } | null }) => {
    captured ??= difference(staticallyReached(screen, context), staticallyReached(entry, context));
    return captured.has(moduleId) ? 'ContactsScreen' : null;
  };
}

function staticallyReached(from: string, context: { getModuleInfo(id: string): { importedIds: readonly string[] } | null }): Set<string> {
  const reached = new Set<string>();
  const next = [from];
  for (let id = next.pop(); id !== undefined; id = next.pop()) {
    if (reached.has(id)) continue;
    reached.add(id);
    next.push(...(context.getModuleInfo(id)?.importedIds ?? []));
  }
  return reached;
}

function difference(of: Set<string>, without: Set<string>): Set<string> {
  return new Set([...of].filter((id) => !without.has(id)));
}
