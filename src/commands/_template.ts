// Copy this file to src/commands/<family>.ts to teach dfsplit a family of commands, add one line to
// families in index.ts, and write test/commands/<family>.test.ts with a test for each answer.
// Data first: a function only where the data cannot say it. Every field but id and names is optional.
import type { CommandFamily } from './types.js';

export default {
  id: '_template',
  // the words a script starts with; a name may belong to one family only
  names: [],
  // per name: which subcommands build, test or run the toolchain, e.g.
  // tool: [{ kind: 'build', sub: ['build', 'install'] }, { kind: 'test', sub: ['test'] }]
  subcommands: {},
  // kinds: {},                           // name -> its kind whatever its arguments (exact name only: no path)
  // kindOf(words) { return null; },       // a kind an option decides (`-g`), asked before subcommands
  // versioned: [],                        // names also written with a version (`pip3.11` is pip)
  // modules: { interpreter, names },      // `python -m pip` is pip: interpreter, module -> name (scripts too)
  // outputs({ name, args, words }, { kind, cwd, env, home, prefix }) { return null; },  // where it writes, from its options and the environment (see go.ts, fetch.ts); null: the analyzer's reading by kind
  // reads(command) { return null; },      // paths it reads that the state model proves exist
  // toolingOnly(command) { return false; },  // an upgrade of the installer itself: no compiling
  // compilesNothing(command) { return false; },  // an install of prebuilt packages only (conda): no compiling
  // toolbox: [],                          // build or test programs: an image whose CMD runs one is a toolbox
  // buildEnvironment: [],                 // programs whose install marks a build environment (java.ts: javac)
  // replayed: [],                         // names whose system-wide installs the runtime stage repeats
  // installsInto: [],                     // where those installs put packages (a copy of one collides)
  // installsElsewhere(words) { return false; }, // an option that installs outside the system prefix (--user)
  // languageInstallers: [],               // names that install from lists dfsplit cannot read
  // provides: {},                         // system package -> the programs it gives
  // toolchainAtRuntime: [],               // CMD texts that need the toolchain in the container
  // accounts: {},                         // name -> the user or group it creates, and its value options
  // replaySafe: [],                       // names the runtime stage may replay with no build to prove it (see users.ts)
  // packages: { ... },                    // a system package manager (see apt.ts)
  // movesFiles: [],                       // names that copy or unpack files: an artifact in a RUN that builds (see files.ts)
  // paths: {},                            // name -> the paths it makes, removes and needs (see files.ts)
  // prefixes: {},                         // name -> how many words it takes before the command it runs (see prefix.ts)
  // wrapsEntrypoint: [],                  // prefixes an ENTRYPOINT runs the CMD through
  // shellOnly: [],                        // builtins that change only the shell (see shell.ts)
  // neutral: [],                          // names with no effect unless they write a file
  // usedAtRuntime: [],                    // system packages programs often call at runtime too (see fetch.ts)
  // installerCompanions: [],              // programs that may sit beside a downloaded installer (see files.ts)
  // configure(words) { return null; },    // the install prefix a configure step sets (see build-systems.ts)
  // installsConfigured(words) { return false; },  // an install into what configure steps set up
  // compileSteps: [],                     // names whose unnamed outputs an install in the same RUN makes intermediate
  // buildPackages: [],                    // system packages that give the family's build tools (see compilers.ts)
  // lightPackages: [],                    // build-tool packages that alone are no reason to split (see build-systems.ts)
  // interpreters: [],                     // interpreters that run a script file (`python gen.py`: generates; `curl | sh`: an installer)
} satisfies CommandFamily;
