// The ruby family (src/commands/ruby.ts): gem and bundle/bundler, asked through the analyzer (kind and where
// they write), the plan (replayed installs, tooling upgrades) and the state model.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzeRun } from '../../src/analyze/run.js';
import { familyOf, installsLanguagePackages, packageProvides, registryInstall, replayedBy, upgradesToolingOnly } from '../../src/commands/index.js';
import ruby, { bringsGemsBeyondBundler, runsBundler, runsGem, runsRubyBuildTask } from '../../src/commands/ruby.js';
import { directoryContext } from '../../src/context.js';
import { convert } from '../../src/convert.js';
import { expectToolboxCommands } from '../shared.js';

const scope = { workdir: '/app', user: null, env: new Map<string, string>(), removedLater: new Set<string>() };
const command = (script: string, env: Record<string, string> = {}) => analyzeRun(script, { ...scope, env: new Map(Object.entries(env)) }).commands[0]!;
const ids = (text: string) => convert(text).reasons.map((r) => r.id);
const words = (script: string) => script.split(' ');
// what the ruby images set (src/knowledge/images.ts)
const RUBY_ENV = { GEM_HOME: '/usr/local/bundle', BUNDLE_APP_CONFIG: '/usr/local/bundle', HOME: '/root' };

describe('ruby family', () => {
  it('tells an install of registry gems by name, which reads nothing where it runs, from one of a local .gem (registryInstall)', () => {
    expect(registryInstall(['gem', 'install', 'bundler:2.0.2'])).toBe(true);
    expect(registryInstall(['gem', 'install', 'bundler', '-v', '2.4.22'])).toBe(true);
    expect(registryInstall(['gem', 'install', '--local', 'vendor/vowels-0.1.0.gem'])).toBe(false);
    expect(registryInstall(['bundle', 'install'])).toBe(false);
    // the other families: pip by name, npm globally; not a requirements file, a path, or npm into the project
    expect(registryInstall(['pip', 'install', 'flask==2'])).toBe(true);
    expect(registryInstall(['pip', 'install', '-r', 'requirements.txt'])).toBe(false);
    expect(registryInstall(['pip', 'install', '.'])).toBe(false);
    expect(registryInstall(['npm', 'install', '-g', 'pm2'])).toBe(true);
    expect(registryInstall(['npm', 'install', 'express'])).toBe(false);
  });

  it("knows Rake's and Rails' build tasks, through bundle exec too (runsRubyBuildTask)", () => {
    expect(runsRubyBuildTask(['bundle', 'exec', 'rake', 'assets:precompile'])).toBe(true);
    expect(runsRubyBuildTask(['bin/rails', 'assets:precompile'])).toBe(true);
    expect(runsRubyBuildTask(['bootsnap', 'precompile', '--gemfile'])).toBe(true);
    expect(runsRubyBuildTask(['bundle', 'exec', 'rake', 'db:migrate'])).toBe(false);
  });

  it('answers for gem, bundle and bundler', () => {
    for (const name of ['gem', 'bundle', 'bundler']) expect(familyOf(name), name).toBe(ruby);
  });

  it('makes gem setup whatever its subcommand, by its exact name only (kinds)', () => {
    expect(command('gem install rails').kind).toBe('setup');
    expect(command('gem update --system').kind).toBe('setup');
    expect(command('/opt/ruby/bin/gem install rails').kind).toBe('unknown');
    expect(command('bundle install').kind).toBe('unknown');
  });

  it('knows where gem and bundle write, from their options and the image variables (outputs)', () => {
    expect(command('gem install rails', RUBY_ENV).outputs).toEqual(['/usr/local/bundle']);
    expect(command('gem install -i /gems rails', RUBY_ENV).outputs).toEqual(['/gems']);
    expect(command('gem install rails').outputs).toEqual([]);
    expect(command('gem update --system', RUBY_ENV).outputs).toEqual([]);
    expect(command('bundle install', RUBY_ENV).outputs).toEqual(['/usr/local/bundle']);
    expect(command('bundle', RUBY_ENV).outputs).toEqual(['/usr/local/bundle']);
    expect(command('bundle install --path vendor/gems', RUBY_ENV).outputs).toEqual(['/app/vendor/gems', '/usr/local/bundle']);
    expect(command('bundle install --deployment').outputs).toEqual(['/app/vendor/bundle']);
    expect(command('bundler install', { BUNDLE_DEPLOYMENT: 'true' }).outputs).toEqual(['/app/vendor/bundle']);
    expect(command('bundle config set --local without test', RUBY_ENV).outputs).toEqual(['/usr/local/bundle/config']);
    expect(command('bundle config set without test', RUBY_ENV).outputs).toEqual(['/root/.bundle/config']);
    expect(command('bundle exec rake', RUBY_ENV).outputs).toEqual([]);
  });

  it('repeats gem installs in the runtime stage, but not an update of RubyGems or Bundler (replayed, toolingOnly)', () => {
    expect(replayedBy(words('gem install nokogiri'))).toBe(true);
    expect(replayedBy(words('bundle install'))).toBe(false);
    for (const run of ['gem update --system', 'gem update --system 3.5.22', 'gem install bundler', 'gem install -N bundler', "gem install bundler -v '1.17.3'"]) expect(upgradesToolingOnly(words(run)), run).toBe(true);
    expect(upgradesToolingOnly(words('gem install bundler rails'))).toBe(false);
    const file = (run: string) => `FROM ruby:3.3\nRUN apt-get update && apt-get install -y build-essential libxml2-dev\nRUN ${run}\nWORKDIR /app\nCOPY . .\nCMD ["ruby", "app.rb"]\n`;
    // the ruby preset copies the gem home instead (build level); one outside it is repeated
    expect(ids(file('gem install nokogiri'))).toEqual(['needs-verify']);
    expect(ids(file('gem install --bindir /usr/local/bin nokogiri'))).toEqual(['replay-needs-build-tools']);
    expect(ids(file('gem update --system'))).not.toContain('replay-needs-build-tools');
  });

  it('tells the ruby preset which commands run Bundler and RubyGems, and which bring more than Bundler', () => {
    for (const c of ['bundle install', 'bundler exec rake', 'bundle']) expect(runsBundler(words(c)), c).toBe(true);
    for (const c of ['gem install rails', 'bundles', '/usr/local/bin/bundle install']) expect(runsBundler(words(c)), c).toBe(false);
    expect(runsGem(words('gem install rails'))).toBe(true);
    expect(runsGem(words('gems'))).toBe(false);
    for (const c of ['gem install rails', 'gem install bundler rails', 'gem install -N nokogiri']) expect(bringsGemsBeyondBundler(words(c)), c).toBe(true);
    for (const c of ['gem install bundler', 'gem install bundler:2.4.22', 'gem install -N bundler', "gem install bundler -v '~>2.0.1'", 'gem install bundler --version 1.17.3', 'gem update --system', 'bundle install']) expect(bringsGemsBeyondBundler(words(c)), c).toBe(false);
    // a RUN that installs gems beside other work cannot be claimed by the preset; one that only brings Bundler can
    const context = directoryContext(join(import.meta.dirname, '..', 'fixtures', 'ruby-bundle-basic', 'context'));
    const file = (gem: string) => `FROM ruby:3.1\nWORKDIR /usr/src/app\nCOPY Gemfile Gemfile.lock ./\nRUN ${gem} && useradd -m app\nRUN bundle install\nCOPY . .\nCMD ["bundle", "exec", "ruby", "app.rb"]\n`;
    expect(convert(file('gem install bundler:2.4.22'), { context }).status).toBe('changed');
    // (and the replayed `gem install rails` would need the full image's compiler: issue 23 item 11)
    expect(convert(file('gem install rails'), { context }).reasons.map((r) => r.id)).toEqual(['language-install-mixed', 'replay-needs-build-tools']);
  });

  it('tells the state model what gem and bundle bring (languageInstallers, provides)', () => {
    for (const run of ['gem install rails', 'bundle install', 'bundler install']) expect(installsLanguagePackages(words(run)), run).toBe(true);
    expect(packageProvides('ruby-full')).toEqual(['ruby', 'gem']);
  });

  it('knows ruby as an interpreter: a script generates, standard input is an installer (interpreters)', () => {
    expect(command('ruby script/gen.rb').kind).toBe('generate');
    expect(command('ruby -').kind).toBe('setup');
  });

  it("makes an image whose command is Ruby's test runner a toolbox (toolbox)", () => {
    expect(ruby.toolbox).toEqual(['rspec']);
    const file = (cmd: string) => `FROM ruby:3.2\nWORKDIR /app\nCOPY . .\nRUN bundle install\nCMD ${cmd}\n`;
    expectToolboxCommands(ruby.toolbox, file, '["ruby", "app.rb"]');
  });
});
