#!/usr/bin/env node
// A stand-in for a bundler: copies the entry file to the output with a banner (a build-time tool only).
const fs = require('fs');
const path = require('path');
const [from, to] = process.argv.slice(2);
fs.mkdirSync(path.dirname(to), { recursive: true });
fs.writeFileSync(to, `// built by banner-build\n${fs.readFileSync(from, 'utf8')}`);
