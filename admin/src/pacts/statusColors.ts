import type { PactStatus } from '@generattivi/shared';

/**
 * The colour of each pact status, chosen for meaning (green: running, amber: paused,
 * red: interrupted…) and for a text contrast of at least 4.5:1 (WCAG AA), checked in
 * statusColors.spec.ts.
 */
export const STATUS_COLORS: Record<PactStatus, { background: string; text: string }> = {
  DRAFT: { background: '#e0e0e0', text: '#212121' },
  SUBMITTED: { background: '#0d47a1', text: '#ffffff' },
  ACTIVE: { background: '#1b5e20', text: '#ffffff' },
  SUSPENDED: { background: '#ffe0b2', text: '#6d3200' },
  COMPLETED: { background: '#4a148c', text: '#ffffff' },
  TERMINATED: { background: '#b71c1c', text: '#ffffff' },
  CANCELLED: { background: '#ffffff', text: '#4a4a4a' },
};

/** WCAG relative luminance of a `#rrggbb` colour. */
function luminance(hex: string): number {
  const channels = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255);
  const [r, g, b] = channels.map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** WCAG contrast ratio between two `#rrggbb` colours (1 to 21). */
export function contrastRatio(a: string, b: string): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (light + 0.05) / (dark + 0.05);
}
