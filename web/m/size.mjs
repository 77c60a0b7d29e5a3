/* global console, process */
// Prints the gzipped size of the mother's app shell: what /m/ loads before any page of its own
// (index.html, the entry chunk and its static imports, CSS, the web manifest). Run after `npm run build`:
//   cd web && npm run size:m
import { readFileSync, existsSync } from 'node:fs'
import { gzipSync } from 'node:zlib'
import { join } from 'node:path'

const root = '../target/classes/static'
const html = readFileSync(join(root, 'm/index.html'), 'utf8')
const files = new Set(['m/index.html', 'm/manifest.webmanifest'])
const queue = [...html.matchAll(/(?:src|href)="\/(m\/assets\/[^"]+)"/g)].map((m) => m[1])
while (queue.length) {
  const f = queue.shift()
  if (files.has(f) || !existsSync(join(root, f))) continue
  files.add(f)
  if (f.endsWith('.js')) {
    // static imports only (dynamic import() chunks are pages, loaded on demand)
    const js = readFileSync(join(root, f), 'utf8')
    for (const m of js.matchAll(/(?:^|[;\n}])\s*import\s*(?:[^'"()]*?from\s*)?["']\.\/([^"']+)["']/g)) queue.push('m/assets/' + m[1])
  }
}
let raw = 0, gz = 0
for (const f of [...files].sort()) {
  if (!existsSync(join(root, f))) continue
  const b = readFileSync(join(root, f))
  const z = gzipSync(b, { level: 9 }).length
  raw += b.length
  gz += z
  console.log(`${String(z).padStart(8)} B gz  ${f}`)
}
console.log(`app shell: ${(gz / 1024).toFixed(1)} KB gzipped (${(raw / 1024).toFixed(1)} KB raw) — budget 300 KB`)
if (gz > 300 * 1024) process.exitCode = 1
