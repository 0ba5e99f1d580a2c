// npm ci refuses a lock file that lacks an optional platform package (swc, unrs, ...) that a registry
// without that platform could not describe. This adds a stub entry for each such package, so the lock
// installs here and on a full registry. Run it after `npm install` changes the lock.
const fs = require('fs');
const lock = JSON.parse(fs.readFileSync('package-lock.json', 'utf8'));
const pkgs = lock.packages;
let added = 0;
for (const [path, meta] of Object.entries(pkgs)) {
  for (const [name, range] of Object.entries(meta.optionalDependencies || {})) {
    const base = path ? `${path}/node_modules/${name}` : `node_modules/${name}`;
    const top = `node_modules/${name}`;
    if (pkgs[base] || pkgs[top]) continue;
    pkgs[top] = { version: range.replace(/^[\^~]/, ''), optional: true, ...(meta.dev ? { dev: true } : {}) };
    added++;
  }
}
fs.writeFileSync('package-lock.json', JSON.stringify(lock, null, 2) + '\n');
console.log('added', added);
