/** The search button rewrite: the visible label names the button; unknown markup fails loudly. */
import { describe, expect, it } from 'vitest';
import { accessibleSearchButton } from '../../src/components/search-button.ts';

const STARLIGHT =
  '<site-search><button data-open-modal disabled aria-label="Search" aria-keyshortcuts="Control+K" class="x"> <svg aria-hidden="true"></svg> <span class="sl-hidden md:sl-block x" aria-hidden="true">Search</span> <kbd class="sl-hidden md:sl-flex x" style="display: none;"><kbd>Ctrl</kbd><kbd>K</kbd></kbd> </button><dialog aria-label="Search"></dialog></site-search>';

describe('accessibleSearchButton', () => {
  it('drops the aria-label, exposes the visible label and hides the shortcut keys', () => {
    expect(accessibleSearchButton(STARLIGHT)).toBe(
      '<site-search><button data-open-modal disabled aria-keyshortcuts="Control+K" class="x"> <svg aria-hidden="true"></svg> <span class="wf-search-label x">Search</span> <kbd aria-hidden="true" class="sl-hidden md:sl-flex x" style="display: none;"><kbd>Ctrl</kbd><kbd>K</kbd></kbd> </button><dialog aria-label="Search"></dialog></site-search>',
    );
  });

  it('refuses markup it does not recognise instead of silently doing nothing', () => {
    expect(() => accessibleSearchButton('<button data-open-modal aria-label="Search"><span>Search</span></button>')).toThrow(
      /search-button\.ts/,
    );
  });
});
