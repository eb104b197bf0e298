// Summarises a V8 .cpuprofile of the local cloud (see server-profile.ts): self and inclusive time of the hottest
// functions, counted from the first sample inside `invoke` (startup excluded).
//   node cloudfunctions/bench/server-profile-summary.mjs <file.cpuprofile> [requests] [top]
import { readFileSync } from 'node:fs';

const [file, requestsArg, topArg] = process.argv.slice(2);
const requests = Number(requestsArg ?? 0);
const top = Number(topArg ?? 40);
const prof = JSON.parse(readFileSync(file, 'utf8'));
const byId = new Map(prof.nodes.map((n) => [n.id, n]));
const parent = new Map();
for (const n of prof.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
const label = (n) => {
  const cf = n.callFrame;
  const url = cf.url
    .replace(/^file:\/\//, '')
    .replace(/.*\/node_modules\//, 'nm:')
    .replace(/.*\/work\/main\//, '');
  return `${cf.functionName || '(anon)'} ${url}:${cf.lineNumber + 1}`;
};
const stackOf = (id) => {
  const out = [];
  for (let cur = id; cur !== undefined; cur = parent.get(cur)) out.push(byId.get(cur));
  return out;
};
let started = false;
const self = new Map();
const incl = new Map();
let total = 0;
let idle = 0;
for (let i = 0; i < prof.samples.length; i++) {
  const dt = (prof.timeDeltas[i + 1] ?? 0) / 1000; // ms until the next sample
  const stack = stackOf(prof.samples[i]);
  if (!started) {
    if (stack.some((n) => n.callFrame.functionName === 'invoke')) started = true;
    else continue;
  }
  const leaf = stack[0];
  if (leaf.callFrame.functionName === '(idle)') {
    idle += dt;
    continue;
  }
  total += dt;
  const l = label(leaf);
  self.set(l, (self.get(l) ?? 0) + dt);
  for (const key of new Set(stack.map(label))) incl.set(key, (incl.get(key) ?? 0) + dt);
}
const per = (ms) => (requests ? ` ${((ms / requests) * 1000).toFixed(1)} µs/req` : '');
console.log(
  `busy ${total.toFixed(0)} ms, idle ${idle.toFixed(0)} ms${requests ? `, ${(total / requests).toFixed(3)} ms/request` : ''}`,
);
const show = (title, m) => {
  console.log(`\n== ${title}`);
  for (const [k, v] of [...m].sort((a, b) => b[1] - a[1]).slice(0, top)) {
    console.log(`${((100 * v) / total).toFixed(1).padStart(5)}% ${v.toFixed(0).padStart(6)} ms${per(v)}  ${k}`);
  }
};
show('self', self);
show('inclusive', incl);
