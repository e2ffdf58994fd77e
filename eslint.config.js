// The configuration and its plugins live in the tools/lint package (see its header for why).
export { default } from './tools/lint/eslint.config.js';
