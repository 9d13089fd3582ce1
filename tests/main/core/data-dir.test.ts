import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultDataDir, resolveDataDir } from '../../../src-main/core/data-dir';

describe('choosing the data folder', () => {
  it('uses --data-dir over FIELDBOOK_DATA_DIR over the OS default', () => {
    const env = { FIELDBOOK_DATA_DIR: '/tmp/from-env' };
    expect(resolveDataDir(['node', 'main', '--data-dir', '/tmp/from-flag'], env)).toBe('/tmp/from-flag');
    expect(resolveDataDir(['node', 'main', '--data-dir=/tmp/inline'], env)).toBe('/tmp/inline');
    expect(resolveDataDir(['node', 'main'], env)).toBe('/tmp/from-env');
    expect(resolveDataDir(['node', 'main'], {})).toBe(defaultDataDir());
  });

  it("defaults to each OS's per-user application data folder", () => {
    expect(defaultDataDir('linux', { XDG_DATA_HOME: '/home/a/.data' })).toBe(path.join('/home/a/.data', 'fieldbook'));
    expect(defaultDataDir('win32', { APPDATA: 'C:\\Users\\a\\AppData\\Roaming' })).toMatch(/Fieldbook$/);
    expect(defaultDataDir('darwin', {})).toMatch(/Library[/\\]Application Support[/\\]Fieldbook$/);
  });
});
