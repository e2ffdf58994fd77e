// A chat bot that answers each message with its word statistics. `--once` answers the sample message
// from replies.json and exits (the e2e smoke run); without it, it listens on :8080.
import { readFileSync } from 'node:fs';
import http from 'node:http';
import { stats } from 'wordstat';

const json = (file) => JSON.parse(readFileSync(new URL(file, import.meta.url), 'utf8'));
const replies = json('./replies.json');
const { version } = json('./package.json');

function answer(text) {
  const s = stats(text);
  return `${replies.greeting}: ${s.words} words, most frequent "${s.top}" (${s.topCount}x)`;
}

if (process.argv.includes('--once')) {
  console.log(`chat-bot ${version}: ${answer(replies.sample)}`);
} else {
  http
    .createServer((req, res) => {
      let body = '';
      req.on('data', (c) => (body += c));
      req.on('end', () => res.end(answer(body) + '\n'));
    })
    .listen(8080, () => console.log(`chat-bot ${version} listening on 8080`));
}
