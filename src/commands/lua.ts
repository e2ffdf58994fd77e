// LuaRocks installs rocks into the system's Lua tree (repeated in the runtime stage).
// https://github.com/luarocks/luarocks/wiki/luarocks
import type { CommandFamily } from './types.js';

export default {
  id: 'lua',
  names: ['luarocks'],
  kinds: { luarocks: 'setup' },
  replayed: ['luarocks'],
} satisfies CommandFamily;
