// The site's build: src/index.html with its title stamped and its stylesheet inlined, written to dist/.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

const root = path.join(import.meta.dirname ?? path.dirname(new URL(import.meta.url).pathname), '..');
const html = fs.readFileSync(path.join(root, 'src', 'index.html'), 'utf8');
const css = fs.readFileSync(path.join(root, 'src', 'site.css'), 'utf8');
const stamp = crypto.createHash('sha256').update(html + css).digest('hex').slice(0, 12);
fs.mkdirSync(path.join(root, 'dist'), { recursive: true });
fs.writeFileSync(path.join(root, 'dist', 'index.html'), html.replace('<!-- style -->', `<style>${css.trim()}</style>`).replace('{{build}}', stamp));
console.log(`built dist/index.html (${stamp})`);
