const { execSync } = require('child_process');

// what a bot reports at start: the git it would read its revision with, and the memory it has
const git = execSync('git --version').toString().trim();
const mem = execSync('free -m').toString().split('\n')[0];
console.log(`${git.startsWith('git version') ? 'git-ok' : 'git-missing'} ${/total/.test(mem) ? 'free-ok' : 'free-missing'}`);
