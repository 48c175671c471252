// Copies the repository's content/ into this package before it is packed,
// so that adopters installing from npm get the built-in pattern catalog.
const fs = require('node:fs');
const path = require('node:path');

const source = path.resolve(__dirname, '..', '..', '..', 'content');
const target = path.resolve(__dirname, '..', 'content');
fs.rmSync(target, { recursive: true, force: true });
fs.cpSync(source, target, { recursive: true });
console.log(`Copied ${source} to ${target}`);
