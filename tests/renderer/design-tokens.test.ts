import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// The renderer's styling rules, checked on its source: colours and font sizes come from the tokens
// (src-renderer/ui/tokens.css), every stylesheet sits in its cascade layer, and no rule doubles a
// class to win over another.

const rendererDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../src-renderer');
const tokenFile = path.join(rendererDir, 'ui', 'tokens.css');

function filesUnder(directory: string, extensions: readonly string[]): string[] {
  return fs
    .readdirSync(directory, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && extensions.some((extension) => entry.name.endsWith(extension)))
    .map((entry) => path.join(entry.parentPath, entry.name));
}

const cssFiles = filesUnder(rendererDir, ['.css']);
const codeFiles = filesUnder(rendererDir, ['.ts', '.tsx']);
const relative = (file: string) => path.relative(rendererDir, file);
const withoutComments = (css: string) => css.replace(/\/\*[\s\S]*?\*\//g, '');

/** `file:line: text` for every line of `text` matching `pattern`. */
function offences(file: string, text: string, pattern: RegExp): string[] {
  return text.split('\n').flatMap((line, index) => (pattern.test(line) ? [`${relative(file)}:${index + 1}: ${line.trim()}`] : []));
}

/** The selector or at-rule before each `{`. */
function preludes(css: string): string[] {
  const found: string[] = [];
  let current = '';
  for (const char of withoutComments(css)) {
    if (char === '{') {
      found.push(current.trim());
      current = '';
    } else if (char === '}' || char === ';') {
      current = '';
    } else {
      current += char;
    }
  }
  return found;
}

const rawColour = /#[0-9a-fA-F]{3,8}\b|\b(?:rgba?|hsla?|hwb|lab|lch|oklch|oklab|color|light-dark)\(|:\s*(?:white|black)\s*[;}]/;

describe('design tokens', () => {
  it('finds the stylesheets it checks', () => {
    expect(cssFiles).toContain(tokenFile);
    expect(cssFiles.length).toBeGreaterThan(20);
  });

  it('writes colours only in the token file', () => {
    const found = cssFiles.filter((file) => file !== tokenFile).flatMap((file) => offences(file, withoutComments(fs.readFileSync(file, 'utf8')), rawColour));
    const inCode = codeFiles.flatMap((file) => offences(file, fs.readFileSync(file, 'utf8'), /['"`]#[0-9a-fA-F]{3,8}['"`]|\brgba?\(/));
    expect([...found, ...inCode]).toEqual([]);
  });

  it('takes every font size from the type scale', () => {
    const found = cssFiles
      .filter((file) => file !== tokenFile)
      .flatMap((file) => offences(file, withoutComments(fs.readFileSync(file, 'utf8')), /font-size:(?!\s*(?:var\(--font-size-|inherit))|\bfont:(?!\s*inherit)/));
    const inCode = codeFiles.flatMap((file) => offences(file, fs.readFileSync(file, 'utf8'), /\bfontSize\b/));
    expect([...found, ...inCode]).toEqual([]);
  });

  it('puts each stylesheet in the cascade layer of its folder, in one block', () => {
    const expectedLayer = (file: string) =>
      file === tokenFile ? 'tokens' : relative(file) === path.join('ui', 'base.css') ? 'base' : relative(file).startsWith(`ui${path.sep}`) ? 'ui' : 'features';
    const wrong = cssFiles.flatMap((file) => {
      const css = withoutComments(fs.readFileSync(file, 'utf8'))
        .replace(/^\s*@layer [\w, ]+;\s*/, '')
        .trim();
      const layer = expectedLayer(file);
      return css.startsWith(`@layer ${layer} {`) && css.endsWith('}') && blockEnd(css) === css.length - 1 ? [] : [`${relative(file)} is not one @layer ${layer} { … } block`];
    });
    expect(wrong).toEqual([]);
  });

  it('never doubles a class in a selector to win over another rule', () => {
    const doubled = cssFiles.flatMap((file) =>
      preludes(fs.readFileSync(file, 'utf8'))
        .filter((prelude) => !prelude.startsWith('@'))
        .filter((selector) => /\.[a-zA-Z][\w-]*\.[a-zA-Z]/.test(selector))
        .map((selector) => `${relative(file)}: ${selector}`),
    );
    expect(doubled).toEqual([]);
  });

  it('keeps one stylesheet per ui component and per feature', () => {
    const ui = path.join(rendererDir, 'ui');
    const orphans = cssFiles
      .filter((file) => path.dirname(file) === ui && !['tokens.css', 'base.css'].includes(path.basename(file)))
      .filter((file) => !fs.existsSync(file.replace(/\.css$/, '.tsx')))
      .map(relative);
    const features = path.join(rendererDir, 'features');
    const crowded = fs
      .readdirSync(features)
      .filter((feature) => fs.readdirSync(path.join(features, feature)).filter((name) => name.endsWith('.css')).length > 1);
    expect({ orphans, crowded }).toEqual({ orphans: [], crowded: [] });
  });
});

/** Where the block opened by the first `{` closes. */
function blockEnd(css: string): number {
  let depth = 0;
  for (let index = css.indexOf('{'); index < css.length; index++) {
    if (css[index] === '{') depth++;
    else if (css[index] === '}' && --depth === 0) return index;
  }
  return -1;
}
