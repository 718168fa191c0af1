import { PACT_STATUSES } from '@generattivi/shared';
import { contrastRatio, STATUS_COLORS } from './statusColors';

describe('STATUS_COLORS', () => {
  it('computes the WCAG contrast ratio', () => {
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrastRatio('#ffffff', '#ffffff')).toBeCloseTo(1, 5);
    expect(contrastRatio('#767676', '#ffffff')).toBeCloseTo(4.54, 2);
  });

  test.each(PACT_STATUSES)('%s has text readable on its background (≥ 4.5:1)', (status) => {
    const { background, text } = STATUS_COLORS[status];
    expect(contrastRatio(background, text)).toBeGreaterThanOrEqual(4.5);
  });

  it('gives every status its own background', () => {
    const backgrounds = PACT_STATUSES.map((s) => STATUS_COLORS[s].background);
    expect(new Set(backgrounds).size).toBe(PACT_STATUSES.length);
  });
});
