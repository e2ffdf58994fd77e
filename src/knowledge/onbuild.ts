// The onbuild variants of the official images, as docker-library's Dockerfiles wrote them: the tag each was built
// FROM and the instructions it adds, its own first and then its ONBUILD triggers written out as the instructions
// they run (src/onbuild.ts). From the `onbuild` directories of docker-library/golang, docker-library/python,
// nodejs/docker-node, docker-library/ruby, docker-library/rails and carlossg/docker-maven, and the library files of
// docker-library/official-images for what each tag last named (a floating tag, `golang:onbuild`, was last built on
// 1.8, and the variants were built on jessie). A tag of another form, or of a version before the forms below (2014),
// is not read. Whatever the table says, only a build proves it (`unproven-onbuild`).

interface OnbuildRow {
  repository: string;
  /** The onbuild tags; `$1` (and `$2`) in `base` are its groups. */
  tag: RegExp;
  /** The tag the variant was built FROM (with the release it was built on where the tag names one). */
  base: string;
  /** The image's own instructions, then its triggers, in order. */
  instructions: (version: string) => readonly string[];
}

// golang, from 9ff2ccc (2014-09-15) to the last onbuild (1.8, removed 2018-02-16)
const GOLANG = () => ['RUN mkdir -p /go/src/app', 'WORKDIR /go/src/app', 'CMD ["go-wrapper", "run"]', 'COPY . /go/src/app', 'RUN go-wrapper download', 'RUN go-wrapper install'];
// python: pip's cache skipped from 7663560d (2015-06-04) on; the images pinned before that are 2.7.8, 2.7.9, 3.3.x
// and 3.4.1 to 3.4.3
const PYTHON_STEPS = (noCache: boolean) => ['RUN mkdir -p /usr/src/app', 'WORKDIR /usr/src/app', 'COPY requirements.txt /usr/src/app/', `RUN pip install ${noCache ? '--no-cache-dir ' : ''}-r requirements.txt`, 'COPY . /usr/src/app'];
const PYTHON = (version: string) => PYTHON_STEPS(!/^(2\.7\.[89]|3\.3\.\d+|3\.4\.[1-3])$/.test(version));
// ruby from 2014-10-17 on
const RUBY_OWN = ['RUN bundle config --global frozen 1', 'RUN mkdir -p /usr/src/app', 'WORKDIR /usr/src/app'];
const RUBY_TRIGGERS = ['COPY Gemfile /usr/src/app/', 'COPY Gemfile.lock /usr/src/app/', 'RUN bundle install', 'COPY . /usr/src/app'];
// rails:onbuild (FROM ruby:2.3 from 2016, the library file deleted 2017-05-19): ruby's, its clients and `rails server`
const RAILS = () => [
  ...RUBY_OWN,
  'RUN apt-get update && apt-get install -y nodejs --no-install-recommends && rm -rf /var/lib/apt/lists/*',
  'RUN apt-get update && apt-get install -y mysql-client postgresql-client sqlite3 --no-install-recommends && rm -rf /var/lib/apt/lists/*',
  'EXPOSE 3000',
  'CMD ["rails", "server", "-b", "0.0.0.0"]',
  ...RUBY_TRIGGERS,
];
// maven: one form, on the floating maven:3-jdk-N of its day
const MAVEN = () => ['RUN mkdir -p /usr/src/app', 'WORKDIR /usr/src/app', 'ADD . /usr/src/app', 'RUN mvn install'];

/**
 * node's four forms, by the version the tag was last built with: `ARG NODE_ENV` and `ENV NODE_ENV $NODE_ENV` from
 * 2016-09-19 (4.6, 6.7, 7.0, 0.10.47, 0.12.16 on), `npm cache clean` after the install from 2017-01-06 (4.7.2, 6.9.5,
 * 7.4), with `--force` from mid-2017 (4.8.4, 6.11.1, 7.10.1, 8.0 on). A major's or a minor's tag (`6`, `6.9`) is read as its last release.
 */
function NODE(version: string): readonly string[] {
  const [major = 0, minor = 999, patch = 999] = version.split('.').map(Number);
  const at = (a: number, b: number, c: number) => major * 1e6 + minor * 1e3 + patch >= a * 1e6 + b * 1e3 + c;
  const since = (table: Record<number, [number, number]>) => {
    const key = major === 0 ? minor / 100 : major;
    const row = table[key];
    return row ? at(major, row[0], row[1]) : key > Math.max(...Object.keys(table).map(Number));
  };
  const env = since({ 0.1: [10, 47], 0.12: [12, 16], 4: [6, 0], 5: [1000, 0], 6: [7, 0], 7: [0, 0] });
  const clean = since({ 4: [7, 2], 6: [9, 5], 7: [4, 0], 8: [0, 0] });
  const force = since({ 4: [8, 4], 6: [11, 1], 7: [10, 1], 8: [0, 0] });
  const install = `RUN npm install${force ? ' && npm cache clean --force' : clean ? ' && npm cache clean' : ''}`;
  return ['RUN mkdir -p /usr/src/app', 'WORKDIR /usr/src/app', 'CMD [ "npm", "start" ]', ...(env ? ['ARG NODE_ENV', 'ENV NODE_ENV $NODE_ENV'] : []), 'COPY package.json /usr/src/app/', install, 'COPY . /usr/src/app'];
}

const ONBUILD: readonly OnbuildRow[] = [
  { repository: 'golang', tag: /^(?:1-)?onbuild$/, base: '1.8', instructions: GOLANG },
  { repository: 'golang', tag: /^(1\.[3-8])(?:\.\d+)?-onbuild$/, base: '$1', instructions: GOLANG },
  { repository: 'python', tag: /^(?:3-)?onbuild$/, base: '3.6-jessie', instructions: () => PYTHON('3.6') },
  { repository: 'python', tag: /^2-onbuild$/, base: '2.7-jessie', instructions: () => PYTHON('2.7') },
  { repository: 'python', tag: /^(2\.7\.[89]|3\.3\.\d+|3\.4\.[1-3])-onbuild$/, base: '$1', instructions: PYTHON },
  { repository: 'python', tag: /^(2\.7|3\.[2-6])(?:\.\d+)?-onbuild$/, base: '$1-jessie', instructions: PYTHON },
  // pypy's kept the first form (docker-library/pypy: no --no-cache-dir)
  { repository: 'pypy', tag: /^([23])-onbuild$/, base: '$1', instructions: () => PYTHON_STEPS(false) },
  { repository: 'node', tag: /^onbuild$/, base: '9.11.1', instructions: () => NODE('9.11.1') },
  { repository: 'node', tag: /^(\d+(?:\.\d+){0,2})-onbuild$/, base: '$1', instructions: NODE },
  { repository: 'ruby', tag: /^(?:2-)?onbuild$/, base: '2.4-jessie', instructions: () => [...RUBY_OWN, ...RUBY_TRIGGERS] },
  { repository: 'ruby', tag: /^(2\.[1-4](?:\.\d+)?)-onbuild$/, base: '$1', instructions: () => [...RUBY_OWN, ...RUBY_TRIGGERS] },
  { repository: 'rails', tag: /^onbuild$/, base: 'ruby:2.3', instructions: RAILS },
  { repository: 'maven', tag: /^(3(?:\.\d+){0,2})-jdk-([678])-onbuild$/, base: '$1-jdk-$2', instructions: MAVEN },
];

/** The onbuild variant `repository:tag` is: the image it was built from (`golang:1.8`) and its instructions; null for any other. */
export function onbuildImage(repository: string, tag: string): { base: string; instructions: readonly string[] } | null {
  for (const row of ONBUILD) {
    const m = row.repository === repository ? row.tag.exec(tag) : null;
    if (!m) continue;
    const base = row.base.replace('$1', m[1] ?? '').replace('$2', m[2] ?? '');
    return { base: base.includes(':') ? base : `${repository}:${base}`, instructions: row.instructions(m[1] ?? base) };
  }
  return null;
}
