/** labelCells writes each body cell's column name from the header row, once, for the phone layout. */
import { describe, expect, it } from 'vitest';
import { focusablePre, labelCells } from '../../src/components/stack-table.ts';

describe('labelCells', () => {
  it('labels td cells by column (colspan counted), leaves row headers and labelled cells alone, adds wf-stack', () => {
    const html =
      '<table class="wf-catalog"><thead><tr><th scope="col">Provider</th><th scope="col"><a href="#">Runtime</a> &amp; env</th><th colspan="2">Cells</th></tr></thead>' +
      '<tbody><tr><th scope="row">mock</th><td>in-process</td><td colspan="2">x</td></tr><tr><th scope="row">b</th><td data-col="Own">y</td><td>1</td><td>2</td></tr></tbody></table>';
    expect(labelCells(html)).toBe(
      '<table class="wf-catalog wf-stack" tabindex="0"><thead><tr><th scope="col">Provider</th><th scope="col"><a href="#">Runtime</a> &amp; env</th><th colspan="2">Cells</th></tr></thead>' +
        '<tbody><tr><th scope="row">mock</th><td data-col="Runtime &amp; env">in-process</td><td colspan="2" data-col="Cells">x</td></tr><tr><th scope="row">b</th><td data-col="Own">y</td><td data-col="Cells">1</td><td data-col="Cells">2</td></tr></tbody></table>',
    );
  });

  it('adds the class to a table without one, leaves header-less tables and tables already stacked as they are', () => {
    expect(labelCells('<table><thead><tr><th>A</th></tr></thead><tbody><tr><td>a</td></tr></tbody></table>')).toBe(
      '<table class="wf-stack" tabindex="0"><thead><tr><th>A</th></tr></thead><tbody><tr><td data-col="A">a</td></tr></tbody></table>',
    );
    const kv = '<table class="wf-kv"><tbody><tr><th scope="row">Status</th><td>passed</td></tr></tbody></table>';
    expect(labelCells(kv)).toBe(kv);
    const stacked =
      '<table class="wf-stack" tabindex="0"><thead><tr><th>A</th></tr></thead><tbody><tr><td data-col="A">a</td></tr></tbody></table>';
    expect(labelCells(stacked)).toBe(stacked);
  });
});

describe('focusablePre', () => {
  it('makes every code block focusable once', () => {
    expect(focusablePre('<pre class="a"><code>x</code></pre><pre tabindex="-1">y</pre>')).toBe(
      '<pre tabindex="0" class="a"><code>x</code></pre><pre tabindex="-1">y</pre>',
    );
  });
});
