import { describe, expect, it } from 'vitest';
import { regionCodeOf, regionDisplayNames } from '../../../../../src/lib/core/sources/cloudwatch-alarm/region-names';

const spelt = Object.entries(regionDisplayNames);

describe('alarm: region display names', () => {
  it.each(spelt)('reads %s as %s', (name, code) => {
    expect(regionCodeOf(name)).toBe(code);
    expect(regionCodeOf(code)).toBe(code);
  });

  it.each(spelt)('reads %s spelt otherwise (the normalizing path) as the table spelling does', (name, code) => {
    // Upper case is in no table entry, so these go through the normalized lookup.
    expect(regionCodeOf(name.toUpperCase())).toBe(regionCodeOf(name));
    expect(regionCodeOf(` ${code.toUpperCase()} `)).toBe(regionCodeOf(code));
  });

  it('knows no made-up region', () => {
    expect(regionCodeOf('Atlantis (North)')).toBeUndefined();
  });
});
