/**
 * The package as its users get it (issue 13): `npm pack`, then an install of the tarball
 * into a fresh project, offline (a lockfile made from this repository's, so npm takes every
 * dependency from the cache `npm ci` filled), and checks that a JavaScript or TypeScript
 * developer can use it: plain Node ESM and CommonJS, heatfig/node writing PNG, HTML and (with
 * the optional pdfkit) PDF, a TypeScript project with zero errors under NodeNext and bundler
 * resolution that catches a spec mistake, an esbuild browser bundle of `render` that stays
 * small and draws in Chromium, the CLI's --version and -o -, and the install's size; and the
 * same under Node 22, Deno and Bun where .ci/run installed them.
 */
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync, inflateSync } from 'node:zlib';
import { after, before, describe, it } from 'node:test';
import { CHROMIUM, launchChromium, ROOT, tempDir } from '../helpers.ts';
import { render } from '../../src/pipeline.ts';
import type { Spec } from '../../src/spec/spec-type.ts';

const work = tempDir('heatfig-consumer-');
const npm = (cwd: string, ...args: string[]) =>
  spawnSync('npm', args, {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, npm_config_update_notifier: 'false' },
  });

/** A package-lock for a project depending on the tarball (and `extra` packages), from ours. */
function lockFor(tgz: string, extra: string[]): object {
  const lock = JSON.parse(readFileSync(join(ROOT, 'package-lock.json'), 'utf8'));
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
  const packages: Record<string, object> = {
    '': {
      name: 'consumer',
      version: '1.0.0',
      dependencies: {
        heatfig: `file:${tgz}`,
        ...Object.fromEntries(extra.map((e) => [e, lock.packages[`node_modules/${e}`].version])),
      },
    },
    'node_modules/heatfig': {
      version: pkg.version,
      resolved: `file:${tgz}`,
      dependencies: pkg.dependencies,
      peerDependencies: pkg.peerDependencies,
      peerDependenciesMeta: pkg.peerDependenciesMeta,
      bin: pkg.bin,
      license: pkg.license,
    },
  };
  const want = [...Object.keys(pkg.dependencies), ...extra];
  const seen = new Set<string>();
  while (want.length) {
    const n = want.pop()!;
    if (seen.has(n)) continue;
    seen.add(n);
    const e = lock.packages[`node_modules/${n}`];
    assert.ok(e, `${n} is in package-lock.json`);
    const { dev: _d, devOptional: _o, peer: _p, ...entry } = e;
    packages[`node_modules/${n}`] = entry;
    want.push(...Object.keys(e.dependencies ?? {}), ...Object.keys(e.optionalDependencies ?? {}));
    // Versions nested under it (another major of one of its dependencies) come along.
    for (const [path, nested] of Object.entries(
      lock.packages as Record<string, Record<string, unknown>>,
    )) {
      if (!path.startsWith(`node_modules/${n}/node_modules/`)) continue;
      const { dev: _nd, devOptional: _no, peer: _np, ...rest } = nested;
      packages[path] = rest;
      want.push(...Object.keys((nested['dependencies'] as object) ?? {}));
    }
  }
  return { name: 'consumer', version: '1.0.0', lockfileVersion: 3, requires: true, packages };
}

/** A fresh project with the tarball (and `extra`) installed offline. */
function project(name: string, tgz: string, extra: string[] = []): { dir: string; log: string } {
  const dir = join(work, name);
  mkdirSync(dir);
  writeFileSync(
    join(dir, 'package.json'),
    JSON.stringify({
      name: 'consumer',
      version: '1.0.0',
      type: 'module',
      private: true,
      dependencies: {
        heatfig: `file:${tgz}`,
        ...Object.fromEntries(extra.map((e) => [e, '*'])),
      },
    }),
  );
  writeFileSync(join(dir, 'package-lock.json'), JSON.stringify(lockFor(tgz, extra)));
  const r = npm(dir, 'ci', '--offline', '--no-audit', '--no-fund');
  assert.equal(r.status, 0, r.stderr);
  return { dir, log: r.stdout + r.stderr };
}

const du = (dir: string): number =>
  readdirSync(dir, { withFileTypes: true }).reduce(
    (s, e) =>
      s +
      (e.isDirectory() ? du(join(dir, e.name)) : e.isFile() ? statSync(join(dir, e.name)).size : 0),
    0,
  );

const run = (dir: string, file: string, ...args: string[]) => {
  const r = spawnSync(process.execPath, [file, ...args], { cwd: dir, encoding: 'utf8' });
  assert.equal(r.status, 0, `${file}: ${r.stderr}`);
  return r.stdout;
};

let tgz = '';
let plain = { dir: '', log: '' };

describe('the packed package, installed into a fresh project', () => {
  before(() => {
    // The suite has built dist/ already (scripts/test.sh); packing needs no build again.
    const r = npm(ROOT, 'pack', '--ignore-scripts', '--pack-destination', work);
    assert.equal(r.status, 0, r.stderr);
    tgz = join(work, readdirSync(work).find((f) => f.endsWith('.tgz'))!);
    plain = project('plain', tgz);
  });
  after(() => {});

  it('is small, with no install scripts, and ships what the README names', () => {
    const size = du(join(plain.dir, 'node_modules'));
    assert.ok(size <= 15 * 1024 * 1024, `node_modules is ${(size / 1048576).toFixed(1)} MB`);
    assert.doesNotMatch(plain.log, /install-scripts|postinstall/);
    const files = execFileSync('tar', ['tzf', tgz], { encoding: 'utf8' });
    for (const f of [
      'LICENSE',
      'NOTICE.md',
      'fonts/DejaVuSans.ttf',
      'fonts/DejaVuSans-Bold.ttf',
      'fonts/DejaVuSerif.ttf',
      'fonts/LiberationSerif-Regular.ttf',
      'fonts/CMUSerif-Roman.ttf',
      'fonts/CMUSerif-LICENSE.txt',
      'schema/heatfig.schema.json',
      'dist/lib/index.d.ts',
      'dist/lib/node.d.ts',
      'dist/cjs/index.cjs',
      'dist/browser/heatfig.js',
    ])
      assert.match(files, new RegExp(`package/${f.replace(/\./g, '\\.')}\\n`), f);
    assert.doesNotMatch(files, /cli\.cjs\.cache|\.test\.ts|src\//);
  });

  it('renders SVG from plain Node ESM, and from CommonJS require()', () => {
    writeFileSync(
      join(plain.dir, 'esm.mjs'),
      "import { render } from 'heatfig';\nprocess.stdout.write(render({ data: [[1, 2], [3, 4]], annot: true }).output);\n",
    );
    assert.match(run(plain.dir, 'esm.mjs'), /^<svg[\s\S]*<\/svg>\n$/);
    writeFileSync(
      join(plain.dir, 'cjs.cjs'),
      "const { render } = require('heatfig');\nconst node = require('heatfig/node');\nprocess.stdout.write(render({ data: [[1, 2]] }).output.slice(0, 4) + typeof node.renderSpec);\n",
    );
    assert.equal(run(plain.dir, 'cjs.cjs'), '<svgfunction');
  });

  it('writes PNG and HTML with heatfig/node, and names pdfkit for a PDF until it is installed', async () => {
    writeFileSync(
      join(plain.dir, 'spec.json'),
      JSON.stringify({
        data: [
          [1, 2],
          [3, 4],
        ],
        title: 'T',
      }),
    );
    writeFileSync(
      join(plain.dir, 'files.mjs'),
      `import { outputBytes, outputData, renderSpec } from 'heatfig/node';
const png = await outputBytes(renderSpec('spec.json', { format: 'png' }), 'png');
const html = await outputData(renderSpec('spec.json', { format: 'html' }), 'html');
let pdf;
try { pdf = (await outputBytes(renderSpec('spec.json', { format: 'pdf' }), 'pdf')).length; } catch (e) { pdf = e.message; }
console.log(JSON.stringify({ png: [...png.subarray(1, 4)], html: html.includes('hf-canvas'), pdf }));
`,
    );
    const out = JSON.parse(run(plain.dir, 'files.mjs'));
    assert.deepEqual(out.png, [0x50, 0x4e, 0x47]);
    assert.equal(out.html, true);
    assert.match(
      out.pdf,
      /needs the pdfkit package, which is optional; install it beside heatfig: npm install pdfkit/,
    );
    const withPdf = project('pdf', tgz, ['pdfkit']);
    writeFileSync(join(withPdf.dir, 'spec.json'), JSON.stringify({ data: [[1, 2]] }));
    writeFileSync(join(withPdf.dir, 'files.mjs'), readFileSync(join(plain.dir, 'files.mjs')));
    assert.ok(JSON.parse(run(withPdf.dir, 'files.mjs')).pdf > 1000);
  });

  it('aggregates long data with DuckDB once @duckdb/node-api is installed beside it, and names it until then', () => {
    const parquet = join(ROOT, 'examples/data/eval-log.parquet');
    const args = [
      'render',
      parquet,
      '--x',
      'task',
      '--y',
      'model',
      '--value',
      'correct',
      '-o',
      'acc.png',
    ];
    const bin = (dir: string) => join(dir, 'node_modules/heatfig/bin/heatfig.cjs');
    const without = spawnSync(process.execPath, [bin(plain.dir), ...args], {
      cwd: plain.dir,
      encoding: 'utf8',
    });
    assert.equal(without.status, 2);
    assert.equal(
      without.stderr,
      'heatfig: error: --engine: long data aggregated by DuckDB needs the @duckdb/node-api package, which is optional; install it beside heatfig: npm install @duckdb/node-api\n',
    );
    const duck = project('duckdb', tgz, ['@duckdb/node-api']);
    const cli = spawnSync(process.execPath, [bin(duck.dir), ...args, '-v'], {
      cwd: duck.dir,
      encoding: 'utf8',
    });
    assert.equal(cli.status, 0, cli.stderr);
    assert.match(cli.stderr, /heatfig: DuckDB: SELECT "model" AS hf_y/);
    assert.deepEqual(
      [...readFileSync(join(duck.dir, 'acc.png')).subarray(1, 4)],
      [0x50, 0x4e, 0x47],
    );
    writeFileSync(
      join(duck.dir, 'long.mjs'),
      `import { describeFile, queryData } from 'heatfig/node';
const spec = { data: { file: ${JSON.stringify(parquet)}, x: 'task', y: 'model', value: 'correct', agg: 'median' } };
const d = describeFile(spec, { loadQuery: await queryData(spec) });
console.log(d.description.markdown.includes('Aggregated by DuckDB'), d.figure.grid.cols);
`,
    );
    assert.equal(run(duck.dir, 'long.mjs').trim(), 'true 30');
  });

  it('type-checks a TypeScript project with no errors, and catches a spec mistake', () => {
    const tsc = join(ROOT, 'node_modules/typescript/bin/tsc');
    writeFileSync(
      join(plain.dir, 'good.ts'),
      `import { render, type Spec } from 'heatfig';
import { outputBytes, renderSpec } from 'heatfig/node';
const spec: Spec = { data: [[1, 2], [3, 4]], cmap: 'viridis', annot: true, fmt: '.1f' };
const svg: string = render(spec).output;
const png: Promise<Uint8Array> = outputBytes(renderSpec(spec, { format: 'png' }), 'png');
export { png, svg };
`,
    );
    writeFileSync(
      join(plain.dir, 'bad.ts'),
      "import { render } from 'heatfig';\nrender({ data: [[1]], colour: 'red' });\nrender({ data: [[1]], cmap: 5 });\n",
    );
    for (const [module, resolution] of [
      ['NodeNext', 'NodeNext'],
      ['ESNext', 'bundler'],
    ] as const) {
      const options = [
        '--strict',
        '--noEmit',
        '--skipLibCheck',
        'false',
        '--module',
        module,
        '--moduleResolution',
        resolution,
        '--target',
        'ES2022',
        '--types',
        'node',
        '--typeRoots',
        join(ROOT, 'node_modules/@types'),
      ];
      const good = spawnSync(process.execPath, [tsc, ...options, 'good.ts'], {
        cwd: plain.dir,
        encoding: 'utf8',
      });
      assert.equal(good.status, 0, `${resolution}: ${good.stdout}`);
      const bad = spawnSync(process.execPath, [tsc, ...options, 'bad.ts'], {
        cwd: plain.dir,
        encoding: 'utf8',
      });
      assert.notEqual(bad.status, 0, `${resolution}: a mistake compiled`);
      assert.match(bad.stdout, /bad\.ts\(2,[\s\S]*colour[\s\S]*bad\.ts\(3,/);
    }
  });

  it('bundles for a browser with esbuild and webpack 5: render to SVG in at most 100 kB gzipped, drawn in Chromium', async () => {
    const esbuild = await import('esbuild');
    writeFileSync(
      join(plain.dir, 'app.js'),
      "import { render } from 'heatfig';\ndocument.body.innerHTML = render({ data: [[1, 2], [3, 4]], title: 'In a browser' }).output;\n",
    );
    const out = await esbuild.build({
      entryPoints: [join(plain.dir, 'app.js')],
      bundle: true,
      minify: true,
      format: 'esm',
      platform: 'browser',
      write: false,
      absWorkingDir: plain.dir,
      logLevel: 'silent',
    });
    const js = out.outputFiles[0]!.contents;
    const gz = gzipSync(js).length;
    assert.ok(gz <= 100 * 1024, `${gz} bytes gzipped`);
    assert.doesNotMatch(Buffer.from(js).toString('utf8'), /zod|node:fs/);
    if (!existsSync(CHROMIUM)) return;
    const browser = await launchChromium();
    try {
      const page = await browser.newPage();
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(String(e)));
      // A classic script: Chromium does not run ES modules from file://.
      const iife = await esbuild.build({
        entryPoints: [join(plain.dir, 'app.js')],
        bundle: true,
        minify: true,
        format: 'iife',
        platform: 'browser',
        write: false,
        absWorkingDir: plain.dir,
        logLevel: 'silent',
      });
      writeFileSync(join(plain.dir, 'app.bundle.js'), iife.outputFiles[0]!.contents);
      // webpack 5, as a JavaScript developer's app would bundle it.
      const webpack = (await import('webpack')).default;
      const stats = await new Promise<import('webpack').Stats>((resolve, reject) =>
        webpack(
          {
            mode: 'production',
            context: plain.dir,
            entry: './app.js',
            target: 'web',
            output: { path: join(plain.dir, 'wp'), filename: 'app.js' },
            performance: { hints: false },
          },
          (err, s) => (err || !s ? reject(err) : resolve(s)),
        ),
      );
      assert.deepEqual(stats.toJson({ all: false, errors: true }).errors, []);
      for (const script of ['app.bundle.js', 'wp/app.js']) {
        writeFileSync(
          join(plain.dir, 'index.html'),
          `<!doctype html><body><script src="${script}"></script></body>`,
        );
        await page.goto(`file://${join(plain.dir, 'index.html')}`);
        await page.waitForSelector('svg title', { state: 'attached' });
        assert.equal(await page.textContent('svg title'), 'In a browser', script);
      }
      assert.deepEqual(errors, []);
    } finally {
      await browser.close();
    }
  });

  it('mounts the interactive view from heatfig/view, bundled by esbuild in at most 120 kB gzipped, and it answers a hover in Chromium', async () => {
    const esbuild = await import('esbuild');
    writeFileSync(
      join(plain.dir, 'view-app.js'),
      "import { mount } from 'heatfig/view';\nconst h = mount(document.getElementById('fig'), { data: [[1, 2], [3, 4]], title: 'Mounted' });\nh.on('hover', (c) => { document.title = c.rowLabel + '/' + c.colLabel + '=' + c.value; });\n",
    );
    const bundle = (format: 'esm' | 'iife') =>
      esbuild.build({
        entryPoints: [join(plain.dir, 'view-app.js')],
        bundle: true,
        minify: true,
        format,
        platform: 'browser',
        write: false,
        absWorkingDir: plain.dir,
        logLevel: 'silent',
      });
    const js = (await bundle('esm')).outputFiles[0]!.contents;
    const gz = gzipSync(js).length;
    assert.ok(gz <= 120 * 1024, `${gz} bytes gzipped`);
    assert.doesNotMatch(Buffer.from(js).toString('utf8'), /node:fs|zod/);
    if (!existsSync(CHROMIUM)) return;
    writeFileSync(
      join(plain.dir, 'view.bundle.js'),
      (await bundle('iife')).outputFiles[0]!.contents,
    );
    writeFileSync(
      join(plain.dir, 'view.html'),
      '<!doctype html><body><div id="fig"></div><script src="view.bundle.js"></script></body>',
    );
    const browser = await launchChromium();
    try {
      const page = await browser.newPage({ deviceScaleFactor: 1 });
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(String(e)));
      await page.goto(`file://${join(plain.dir, 'view.html')}`);
      const box = (await page.locator('#fig canvas').first().boundingBox())!;
      // Sweep across the figure until a cell answers.
      for (let x = box.x; x < box.x + box.width && !(await page.title()); x += 8)
        await page.mouse.move(x, box.y + box.height / 3);
      assert.match(await page.title(), /^0\/[01]=[12]$/);
      assert.deepEqual(errors, []);
    } finally {
      await browser.close();
    }
  });

  const node22 = process.env['HEATFIG_NODE22'];
  it('works on Node 22 too: ESM, CommonJS, PNG and HTML', {
    skip:
      node22 && existsSync(node22)
        ? false
        : 'HEATFIG_NODE22 not set (.ci/run installs node@22 from npm)',
  }, () => {
    for (const file of ['esm.mjs', 'cjs.cjs', 'files.mjs']) {
      const r = spawnSync(node22!, [file], { cwd: plain.dir, encoding: 'utf8' });
      assert.equal(r.status, 0, `${file} on Node 22: ${r.stderr}`);
    }
    const v = spawnSync(node22!, ['--version'], { encoding: 'utf8' }).stdout;
    assert.match(v, /^v22\./);
  });

  const deno = process.env['HEATFIG_DENO'];
  it('works in Deno: heatfig renders SVG, heatfig/node writes a PNG', {
    skip:
      deno && existsSync(deno) ? false : 'HEATFIG_DENO not set (.ci/run installs deno from npm)',
  }, () => {
    writeFileSync(
      join(plain.dir, 'deno.mjs'),
      `import { render } from 'heatfig';
import { outputBytes, renderSpec } from 'heatfig/node';
const png = await outputBytes(renderSpec('spec.json', { format: 'png' }), 'png');
console.log(render({ data: [[1, 2]] }).output.slice(0, 4), png[1] === 0x50);
`,
    );
    const r = spawnSync(deno!, ['run', '--no-prompt', '-A', 'deno.mjs'], {
      cwd: plain.dir,
      encoding: 'utf8',
      env: { ...process.env, DENO_NO_UPDATE_CHECK: '1' },
      timeout: 60_000,
    });
    assert.equal(r.status, 0, r.stderr);
    assert.equal(r.stdout.trim(), '<svg true');
  });

  const bun = process.env['HEATFIG_BUN'];
  it('works in Bun: ESM, CommonJS and TypeScript as Bun runs them, PNG, and the CLI, as on Node', {
    skip: bun && existsSync(bun) ? false : 'HEATFIG_BUN not set (.ci/run installs bun from npm)',
  }, () => {
    const inBun = (...args: string[]) => {
      const r = spawnSync(bun!, args, { cwd: plain.dir, encoding: 'buffer', timeout: 60_000 });
      assert.equal(r.status, 0, `bun ${args.join(' ')}: ${r.stderr}`);
      return r.stdout;
    };
    // Its own files, so that it runs alone too (--test-name-pattern).
    writeFileSync(
      join(plain.dir, 'bun-spec.json'),
      JSON.stringify({
        data: [
          [1, 2],
          [3, 4],
        ],
        title: 'Bun',
      }),
    );
    writeFileSync(
      join(plain.dir, 'bun.cjs'),
      "const { render } = require('heatfig');\nconst node = require('heatfig/node');\nprocess.stdout.write(render({ data: [[1, 2]] }).output + typeof node.renderSpec);\n",
    );
    writeFileSync(
      join(plain.dir, 'bun.ts'),
      `import { render, type Spec } from 'heatfig';
import { outputBytes, renderSpec } from 'heatfig/node';
const spec: Spec = { data: [[1, 2], [3, 4]], cmap: 'viridis', annot: true };
process.stdout.write(render(spec).output);
await Bun.write('bun.png', await outputBytes(renderSpec('bun-spec.json', { format: 'png' }), 'png'));
`,
    );
    const svg = inBun('bun.ts').toString('utf8');
    const want = render({
      data: [
        [1, 2],
        [3, 4],
      ],
      cmap: 'viridis',
      annot: true,
    }).output;
    assert.equal(svg, want, 'Bun renders the SVG Node renders, byte for byte');
    const cjs = inBun('bun.cjs').toString('utf8');
    assert.equal(cjs, run(plain.dir, 'bun.cjs'), 'the CommonJS build under Bun as under Node');
    const bin = join(plain.dir, 'node_modules/heatfig/bin/heatfig.cjs');
    const cli = inBun(bin, 'render', 'bun-spec.json', '-o', '-', '--format', 'svg').toString(
      'utf8',
    );
    assert.equal(cli, run(plain.dir, bin, 'render', 'bun-spec.json', '-o', '-', '--format', 'svg'));
    // Bun's zlib deflates the same rows to other bytes (smaller, at the same level): the
    // PNG's pixels are Node's, its compressed stream is not.
    const rows = (png: Buffer) => {
      const idat: Buffer[] = [];
      for (let p = 8; p < png.length; ) {
        const n = png.readUInt32BE(p);
        if (png.toString('latin1', p + 4, p + 8) === 'IDAT')
          idat.push(png.subarray(p + 8, p + 8 + n));
        p += 12 + n;
      }
      return inflateSync(Buffer.concat(idat));
    };
    const nodePng = spawnSync(
      process.execPath,
      [bin, 'render', 'bun-spec.json', '-o', '-', '--format', 'png'],
      {
        cwd: plain.dir,
        encoding: 'buffer',
      },
    ).stdout;
    const bunPng = readFileSync(join(plain.dir, 'bun.png'));
    assert.equal(bunPng.subarray(0, 8).toString('latin1'), '\x89PNG\r\n\x1a\n', 'a PNG from Bun');
    const want2 = rows(nodePng);
    assert.ok(want2.length > 0, 'the PNG from Node has rows');
    assert.ok(rows(bunPng).equals(want2), "the PNG's rows from Bun are Node's");
  });

  it('runs the CLI: --version, and -o - to standard output', () => {
    const bin = join(plain.dir, 'node_modules/heatfig/bin/heatfig.cjs');
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
    assert.equal(run(plain.dir, bin, '--version').trim(), pkg.version);
    assert.match(run(plain.dir, bin, 'render', 'spec.json', '-o', '-', '--format', 'svg'), /^<svg/);
  });

  it('clusters from the package (ESM and CommonJS, the WebAssembly distances) as the source does', () => {
    const values = Array.from({ length: 30 }, (_, i) =>
      Array.from({ length: 9 }, (_, j) => Math.round(Math.sin(i * 0.7 + j) * 1000) / 1000),
    );
    const spec = { data: values, cluster: true };
    const want = render(spec as Spec, { format: 'svg' }).output;
    const code = (load: string) =>
      `${load}\nprocess.stdout.write(renderSpec(${JSON.stringify(spec)}, { format: 'svg' }).output);\n`;
    writeFileSync(
      join(plain.dir, 'cluster.mjs'),
      code("import { renderSpec } from 'heatfig/node';"),
    );
    writeFileSync(
      join(plain.dir, 'cluster.cjs'),
      code("const { renderSpec } = require('heatfig/node');"),
    );
    assert.equal(run(plain.dir, 'cluster.mjs'), want);
    assert.equal(run(plain.dir, 'cluster.cjs'), want);
  });
});
