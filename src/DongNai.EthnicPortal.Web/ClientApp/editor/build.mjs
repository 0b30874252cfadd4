// Builds the editor bundle into wwwroot/lib/tiptap with the licence of every bundled package and a VERSION
// file. Run `npm ci && npm run build` here after changing package.json or src/; the output is checked in,
// so neither the app nor CI needs npm.
import { build } from 'esbuild';
import { copyFileSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const out = join(here, '..', '..', 'wwwroot', 'lib', 'tiptap');
rmSync(out, { recursive: true, force: true });
mkdirSync(join(out, 'licenses'), { recursive: true });

const result = await build({
    entryPoints: [join(here, 'src', 'editor.js')],
    bundle: true,
    minify: true,
    format: 'iife',
    target: ['es2020'],
    legalComments: 'none',
    metafile: true,
    outfile: join(out, 'portal-editor.js'),
});

const styles = await build({
    entryPoints: [join(here, 'src', 'editor.css')],
    bundle: true,
    minify: true,
    legalComments: 'none',
    metafile: true,
    outfile: join(out, 'portal-editor.css'),
});

// Every package that contributed code to the bundle, found from the inputs esbuild actually used.
const packages = new Map();
for (const input of [...Object.keys(result.metafile.inputs), ...Object.keys(styles.metafile.inputs)]) {
    const match = /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(input);
    if (!match || packages.has(match[1])) {
        continue;
    }
    const root = join(here, 'node_modules', match[1]);
    const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
    const licence = readdirSync(root).find((name) => /^(licen[cs]e|copying)/i.test(name));
    if (!licence) {
        throw new Error(`${match[1]} has no licence file to ship`);
    }
    copyFileSync(join(root, licence), join(out, 'licenses', `${match[1].replace('/', '__')}.txt`));
    packages.set(match[1], `${manifest.name} ${manifest.version} (${manifest.license})`);
}

const lines = [...packages.values()].sort();
writeFileSync(join(out, 'VERSION'), [
    'portal-editor.js and portal-editor.css: built by src/DongNai.EthnicPortal.Web/ClientApp/editor (npm ci && npm run build)',
    `esbuild ${JSON.parse(readFileSync(join(here, 'node_modules', 'esbuild', 'package.json'), 'utf8')).version}`,
    '',
    'Bundled packages (licences in licenses/):',
    ...lines,
    '',
].join('\n'));
if (!existsSync(join(out, 'portal-editor.js'))) {
    throw new Error('bundle missing');
}
console.log(`portal-editor.js with ${lines.length} packages`);
