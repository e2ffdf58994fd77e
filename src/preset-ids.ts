// The ids of the presets in templates/index.ts, without loading them: the command line offers them as
// choices, and must start without loading the analyzers the presets import. test/presets.test.ts
// checks that this list and templates/index.ts agree. It lives in src/ because nothing in src/ but the
// pipeline's composition root (convert.ts) imports templates/ (test/layers.test.ts).
export const PRESET_IDS = ['go', 'node', 'rust', 'haskell', 'java', 'cpp', 'dotnet', 'python-venv', 'python-user', 'python-site', 'python-wheels', 'python-tests', 'python-distro', 'php', 'ruby'] as const;
