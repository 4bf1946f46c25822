import { describe, expect, it } from 'vitest';
import { safeRedirectPath } from './session';

describe('safeRedirectPath', () => {
  it('keeps paths inside the app', () => {
    expect(safeRedirectPath('/sources?page=2#top')).toBe('/sources?page=2#top');
  });

  it('refuses anything that could leave the app, and loops back to sign-in', () => {
    for (const target of [
      undefined,
      '',
      'https://evil.example',
      '//evil.example',
      '/\\evil.example',
      '/sign-in',
    ]) {
      expect(safeRedirectPath(target)).toBe('/');
    }
  });
});
