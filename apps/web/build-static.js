// Copies the web client's static files (index.html, CSS) next to the modules `tsc` writes to dist/web/js.
const { cpSync, mkdirSync } = require('node:fs');
const { join } = require('node:path');

const out = join(__dirname, '..', '..', 'dist', 'web');
mkdirSync(out, { recursive: true });
cpSync(join(__dirname, 'static'), out, { recursive: true });
