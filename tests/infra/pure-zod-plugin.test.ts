import { mkdtempSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';

const require = createRequire(import.meta.url);
const { markPureZodCalls, pureZodPlugin } = require('../../infra/pure-zod-plugin.cjs') as {
  markPureZodCalls: (source: string, fileName: string) => string;
  pureZodPlugin: import('esbuild').Plugin;
};
const ZOD = join(import.meta.dirname, '../../src/lib/core/schemas/zod.ts');

describe('infra: pure-zod esbuild plugin', () => {
  it('marks each z.builder(…) call pure, nested ones too', () => {
    const source = 'const s = z.object({ a: z.optional(z.string()) });';
    expect(markPureZodCalls(source, 'a.ts')).toBe(
      'const s = /* @__PURE__ */ z.object({ a: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.string()) });',
    );
  });

  it('leaves strings, comments, z.config and other namespaces alone', () => {
    const source = [
      '/** @example z.object({}) */',
      "const hint = 'use z.string() here';",
      '// z.number()',
      'z.config(en());',
      'const n = y.object({});',
    ].join('\n');
    expect(markPureZodCalls(source, 'a.ts')).toBe(source);
  });

  it('lets a bundle drop the schemas it never uses and keep the ones it does', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pure-zod-'));
    writeFileSync(
      join(dir, 'schemas.ts'),
      [
        `import * as z from ${JSON.stringify(ZOD)};`,
        'export const usedSchema = z.object({ keptField: z.string() });',
        'export const unusedSchema = z.object({ droppedField: z.number() });',
      ].join('\n'),
    );
    writeFileSync(
      join(dir, 'entry.ts'),
      "import { usedSchema } from './schemas';\nconsole.log(usedSchema.parse({}));\n",
    );
    const bundle = async (plugins: import('esbuild').Plugin[]) => {
      const result = await build({
        entryPoints: [join(dir, 'entry.ts')],
        bundle: true,
        write: false,
        format: 'esm',
        platform: 'node',
        mainFields: ['module', 'main'],
        plugins,
        logLevel: 'silent',
      });
      return result.outputFiles[0]?.text ?? '';
    };

    const without = await bundle([]);
    const withPlugin = await bundle([pureZodPlugin]);

    expect(without).toContain('droppedField');
    expect(withPlugin).not.toContain('droppedField');
    expect(withPlugin).toContain('keptField');
  });
});
