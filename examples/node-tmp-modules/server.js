const greet = require('greet');
console.log(greet(process.argv.slice(2)));
