// Builds the web UI only when its sources changed since the last build (a restart then takes
// seconds, not a minute). Inputs: src/, public/, index.html, the configs and package-lock.json;
// their content hash is kept next to the build output. `npm install` runs only when the lockfile
// changed since the last install. FUYOU_WEB_FORCE=1 builds anyway.
import { createHash } from 'node:crypto'
import { execSync } from 'node:child_process'
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'

const out = '../target/classes/static'
const buildStamp = join(out, '.web-build-stamp')
const installStamp = 'node_modules/.fuyou-install-stamp'
const inputs = ['src', 'public', 'm', 'index.html', 'package.json', 'package-lock.json', 'vite.config.ts', 'tsconfig.json',
  'eslint.config.js', 'build-if-changed.mjs']

function hash(paths) {
  const h = createHash('sha256')
  const walk = (p) => {
    if (!existsSync(p)) return
    if (statSync(p).isDirectory()) {
      for (const name of readdirSync(p).sort()) walk(join(p, name))
    } else {
      h.update(p + '\0').update(readFileSync(p)).update('\0')
    }
  }
  paths.forEach(walk)
  return h.digest('hex')
}

const read = (f) => (existsSync(f) ? readFileSync(f, 'utf8').trim() : '')
const run = (cmd) => execSync(cmd, { stdio: 'inherit' })

const lock = hash(['package.json', 'package-lock.json'])
if (!existsSync('node_modules') || read(installStamp) !== lock) {
  run('npm install --prefer-offline --no-audit --no-fund')
  writeFileSync(installStamp, lock)
}
const sources = hash(inputs)
if (!process.env.FUYOU_WEB_FORCE && existsSync(join(out, 'index.html')) && read(buildStamp) === sources) {
  console.log('web UI up to date (sources unchanged since the last build): build skipped')
} else {
  run('npm run build')
  writeFileSync(buildStamp, sources)
}
