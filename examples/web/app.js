// heatfig/view without a framework: mount a figure, listen to it, update it, export it.
import { mount } from '../../dist/browser/heatfig-view.js';

const layers = ['L0', 'L2', 'L4', 'L6', 'L8', 'L10'];
const probes = ['part of speech', 'dependency', 'coreference', 'sentiment'];
// Probe accuracy per layer, rising then falling (made up for the example).
const values = probes.map((_, p) => layers.map((_, l) => 0.55 + 0.4 * Math.sin(((l + p) / 7) * Math.PI)));

const view = mount(document.getElementById('fig'), {
  data: { values, rows: probes, cols: layers },
  annot: true,
  fmt: '.2f',
  highlight: 'row-max',
  xlabel: 'layer',
  colorbar: { label: 'accuracy' },
});
const said = document.getElementById('said');
view.on('hover', (cell) => {
  said.textContent = `${cell.rowLabel} at ${cell.colLabel}: ${cell.value.toFixed(3)}`;
});
view.on('click', (cell) => {
  said.textContent = `Clicked ${cell.text}`;
});
document.getElementById('cmap').addEventListener('change', (e) => view.update({ cmap: e.target.value }));
document.getElementById('svg').addEventListener('click', () => {
  const a = document.createElement('a');
  a.href = URL.createObjectURL(new Blob([view.toSVG()], { type: 'image/svg+xml' }));
  a.download = 'probe-accuracy.svg';
  a.click();
});
