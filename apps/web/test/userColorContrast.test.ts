import { describe, expect, it } from 'vitest';
import { USER_COLORS } from '@samplan/protocol';

const channel = (value: number): number => {
  const c = value / 255;
  return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
};
const luminance = (hex: string): number => {
  const n = Number.parseInt(hex.slice(1), 16);
  return 0.2126 * channel((n >> 16) & 255) + 0.7152 * channel((n >> 8) & 255) + 0.0722 * channel(n & 255);
};
const contrast = (a: string, b: string): number => {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
};

describe('user colours', () => {
  it('carry white name labels at WCAG AA contrast (4.5:1)', () => {
    for (const color of USER_COLORS) expect(contrast(color, '#ffffff')).toBeGreaterThanOrEqual(4.5);
  });
});
