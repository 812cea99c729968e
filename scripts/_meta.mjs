import { build } from 'esbuild';
const [entry, out] = process.argv.slice(2);
const r = await build({ entryPoints: [entry], bundle: true, minify: true, keepNames: false, charset: 'utf8', target: 'node22', platform: 'node', format: 'esm', mainFields: ['module','main'], external: ['@aws-sdk/*'], outfile: out, metafile: true, write: true, logLevel: 'error' });
const inputs = Object.values(r.metafile.outputs)[0].inputs;
const byDir = new Map();
for (const [f, { bytesInOutput }] of Object.entries(inputs)) {
  const key = f.includes('node_modules') ? f.replace(/.*node_modules\/((@[^/]+\/)?[^/]+).*/, '$1') + (f.includes('zod')? ' '+f.split('/').slice(-3,-1).join('/') : '') : f.split('/').slice(0, -1).join('/');
  byDir.set(key, (byDir.get(key) ?? 0) + bytesInOutput);
}
const tot=[...byDir.values()].reduce((a,b)=>a+b,0);
console.log('total', tot);
for (const [k, v] of [...byDir].sort((a, b) => b[1] - a[1]).slice(0, 30)) console.log(String(v).padStart(7), k);
if (process.argv[4]) for (const [f, { bytesInOutput }] of Object.entries(inputs).sort((a,b)=>b[1].bytesInOutput-a[1].bytesInOutput).slice(0,+process.argv[4])) console.log(String(bytesInOutput).padStart(7), f);
