// The presets dfsplit knows, in the order `--preset auto` tries them: the first whose detect() answers wins.
import type { Preset } from '../src/preset.js';
import go from './go/index.js';
import node from './node/index.js';
import rust from './rust/index.js';
import haskell from './haskell/index.js';
import java from './java/index.js';
import cpp from './cpp/index.js';
import dotnet from './dotnet/index.js';
import pythonUser from './python-user/index.js';
import pythonVenv from './python-venv/index.js';
import pythonSite from './python-site/index.js';
import pythonWheels from './python-wheels/index.js';
import pythonTests from './python-tests/index.js';
import pythonDistro from './python-distro/index.js';
import php from './php/index.js';
import ruby from './ruby/index.js';

export const presets: readonly Preset[] = [go, node, rust, haskell, java, cpp, dotnet, pythonVenv, pythonUser, pythonSite, pythonWheels, pythonTests, pythonDistro, php, ruby];
