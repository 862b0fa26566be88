// Renders bpmn/lead-journey.bpmn to docs/lead-journey.svg with bpmn-js in headless Chromium (Debian's), so the
// README shows the process as deployed. `npm run render:diagram`; `npm run check:diagram` fails when the SVG in
// the repository is not what the model renders (.ci/run runs it).
//   CHROMIUM=/path/to/chromium  another browser binary (default /usr/bin/chromium)
import { readFile, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { chromium } from 'playwright-core';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const model = path.join(root, 'bpmn', 'lead-journey.bpmn');
const target = path.join(root, 'docs', 'lead-journey.svg');
const viewer = path.join(root, 'node_modules', 'bpmn-js', 'dist', 'bpmn-viewer.production.min.js');
const check = process.argv.includes('--check');

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu']
});
try {
  const page = await browser.newPage();
  await page.setContent('<!doctype html><html><body><div id="canvas" style="width:2400px;height:1400px"></div></body></html>');
  await page.addScriptTag({ path: viewer });
  const xml = await readFile(model, 'utf8');
  const svg = await page.evaluate(async (diagram) => {
    const bpmnViewer = new window.BpmnJS({ container: '#canvas' });
    const { warnings } = await bpmnViewer.importXML(diagram);
    if (warnings.length) {
      throw new Error('The model imported with warnings: ' + warnings.map((w) => w.message).join('; '));
    }
    const { svg } = await bpmnViewer.saveSVG();
    return svg;
  }, xml);
  // bpmn-js names each arrow-head marker randomly; number them in order so the same model gives the same file.
  const markers = new Map();
  const rendered = svg.replace(/\r\n/g, '\n')
    .replace(/marker-[a-z0-9]{20,}/g, (id) => {
      if (!markers.has(id)) {
        markers.set(id, `marker-${markers.size + 1}`);
      }
      return markers.get(id);
    })
    .trimEnd() + '\n';
  if (check) {
    const committed = await readFile(target, 'utf8').catch(() => '');
    if (committed !== rendered) {
      console.error(`${path.relative(root, target)} is not what ${path.relative(root, model)} renders: run npm run render:diagram and commit it`);
      process.exit(1);
    }
    console.log(`${path.relative(root, target)} matches ${path.relative(root, model)}`);
  } else {
    await writeFile(target, rendered);
    console.log(`wrote ${path.relative(root, target)} (${rendered.length} bytes)`);
  }
} finally {
  await browser.close();
}
