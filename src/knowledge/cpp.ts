// The official gcc image (docker-library/gcc): GCC is built from source into /usr/local on Debian, its C++
// runtime (libstdc++, libgcc_s) lands in /usr/local/lib64 and /etc/ld.so.conf.d/000-local-lib.conf puts
// that directory first for the loader. A C++ program built there needs that libstdc++ (newer GLIBCXX
// symbols than the Debian release's own libstdc++6), so the runtime stage takes it along.

/** The Debian release a gcc tag names (gcc:13-bookworm); floating tags (gcc:13, gcc:latest) move between releases. */
export const GCC_RELEASE_TAG = /^[\d.]+-(bookworm|bullseye|buster|trixie)$/;

/** The loader configuration that puts /usr/local/lib64 first. */
export const GCC_LOADER_CONF = '/etc/ld.so.conf.d/000-local-lib.conf';

/** What the runtime stage copies from a gcc builder: the C++ runtime (the glob takes the versioned file and its link) and the loader configuration. */
export const GCC_RUNTIME_COPIES: readonly [string, string][] = [
  ['/usr/local/lib64/libstdc++.so.6*', '/usr/local/lib64/'],
  ['/usr/local/lib64/libgcc_s.so.1', '/usr/local/lib64/'],
  [GCC_LOADER_CONF, '/etc/ld.so.conf.d/'],
];

/** Directories of the gcc image's own toolchain: copying one of them would copy the compiler. */
export const GCC_TOOLCHAIN_DIRS: ReadonlySet<string> = new Set(['/usr/local', '/usr/local/bin', '/usr/local/lib', '/usr/local/lib64', '/usr/local/libexec', '/usr/local/include', '/usr/local/share']);
