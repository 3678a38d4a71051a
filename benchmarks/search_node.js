/* Runs the portal's real search engine (overrides/assets/search/engine.js) under node
   against a built site folder, for the judged query set (bench/judged.py, tests/test_search_judged.py).

   node search_node.js ENGINE_JS SITE_DIR  < queries.json  > answers.json
   queries.json: [{"q": "...", "opts": {...}}]; answers: [{"urls": [...], "missing": [...],
   "corrected": [...], "approximate": bool, "unfiltered": n, "bytes": n}] (bytes: raw bytes
   of the files this query fetched that earlier queries had not). */
"use strict";
const fs = require("fs");
const path = require("path");
const vm = require("vm");

const [engineFile, siteDir] = process.argv.slice(2);
const ORIGIN = "http://portal.test/";
let fetched = 0;

function fakeFetch(url) {
  const rel = decodeURIComponent(new URL(url).pathname).replace(/^\/+/, "");
  const file = path.join(siteDir, rel);
  if (!fs.existsSync(file)) return Promise.resolve({ ok: false, status: 404 });
  const data = fs.readFileSync(file);
  fetched += data.length;
  const text = data.toString("utf8");
  return Promise.resolve({ ok: true, status: 200, text: () => Promise.resolve(text),
    json: () => Promise.resolve(JSON.parse(text)) });
}

const context = { URL, Map, Set, Promise, Math, JSON, console, fetch: fakeFetch, location: { href: ORIGIN } };
context.window = context;
vm.createContext(context);
vm.runInContext(fs.readFileSync(engineFile, "utf8"), context, { filename: engineFile });
const S = context.PortalSearch;

async function main() {
  const queries = JSON.parse(fs.readFileSync(0, "utf8"));
  const engine = new S.Engine(ORIGIN + "search/");
  const answers = [];
  for (const item of queries) {
    fetched = 0;
    const result = await engine.search(Object.assign({ q: item.q, prefix: true }, item.opts || {}));
    const top = result.ids.slice(0, item.limit || 10);
    const recs = await engine.records(top);
    answers.push({ urls: recs.map(r => r.url), kinds: recs.map(r => r.kind), missing: result.missing,
      corrected: result.corrected, approximate: result.approximate, unfiltered: result.unfiltered.length,
      total: result.ids.length, bytes: fetched });
  }
  process.stdout.write(JSON.stringify(answers));
}
main().catch(e => { console.error(e && e.stack || e); process.exit(1); });
