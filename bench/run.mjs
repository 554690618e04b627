#!/usr/bin/env node
// Benchmarks with fixed inputs; each prints JSON lines {"bench","metric","value","unit"}.
// Usage: npm run bench -- [oscal] [registry]   (needs `npm run build` and ../shared/oscal beside the repo)
const wanted = process.argv.slice(2);
const benches = { oscal: () => import('./oscal.bench.mjs'), registry: () => import('./registry.bench.mjs') };
for (const name of wanted.length > 0 ? wanted : Object.keys(benches)) {
  const load = benches[name];
  if (!load) {
    console.error(`unknown bench "${name}"; known: ${Object.keys(benches).join(', ')}`);
    process.exit(2);
  }
  await (await load()).run();
}
