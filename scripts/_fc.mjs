import { startStubs, benchEnv, lambdaContext } from './bench/stubs.mjs';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
const stubs = await startStubs({});
const env = { ...process.env, ...benchEnv(stubs), AWS_REGION: 'us-east-1' };
const [bundle, floor, eventFile, n = '7'] = process.argv.slice(2);
const ctx = '(' + lambdaContext.toString() + ')()';
const own = `await import('${floor}'); const m = await import('${bundle}'); const {readFileSync}=await import('node:fs'); const ev=JSON.parse(readFileSync('${eventFile}','utf8')); const s=process.cpuUsage(); await m.main(ev, ${ctx}); const u=process.cpuUsage(s); console.log((u.user+u.system)/1000);`;
const fl = `import { PublishCommand, SNSClient } from '@aws-sdk/client-sns'; await import('${floor}'); const s=process.cpuUsage(); await new SNSClient({}).send(new PublishCommand({ TopicArn: process.env.NOTIFICATIONS_TOPIC_ARN, Message: '{}' })); const u=process.cpuUsage(s); console.log((u.user+u.system)/1000);`;
const run = async (code) => Number((await promisify(execFile)(process.execPath, ['--input-type=module', '-e', code], { env, cwd: '/work/main/node_modules/.cache/notifier-bench' })).stdout.trim().split('\n').at(-1));
const a = [], b = [];
for (let i = 0; i < +n; i++) { a.push(await run(own)); b.push(await run(fl)); }
const med = (x) => [...x].sort((p, q) => p - q)[x.length >> 1];
console.log('own first call', med(a).toFixed(1), 'floor call', med(b).toFixed(1), a.map(x=>x.toFixed(0)).join(' '));
await stubs.close();
