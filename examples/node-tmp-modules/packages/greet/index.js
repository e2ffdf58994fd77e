module.exports = (names) => `Hello, ${names.length ? names.join(' and ') : 'world'}!`;
