import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * The embedded typeface: Inter (SIL Open Font License 1.1), shipped as static TTF files by the
 * `@expo-google-fonts/inter` npm package, so no system font is needed. It covers French fully
 * (accents, « », ’, —, œ) and stays legible at small sizes and from a distance.
 */
export type FontWeight = 'regular' | 'medium' | 'semibold' | 'bold';

const FILES: Record<FontWeight, string> = {
  regular: '400Regular/Inter_400Regular.ttf',
  medium: '500Medium/Inter_500Medium.ttf',
  semibold: '600SemiBold/Inter_600SemiBold.ttf',
  bold: '700Bold/Inter_700Bold.ttf',
};

export const FONT_NAMES: Record<FontWeight, string> = {
  regular: 'Inter',
  medium: 'Inter-Medium',
  semibold: 'Inter-SemiBold',
  bold: 'Inter-Bold',
};

const cache = new Map<FontWeight, Buffer>();

function fontDir(): string {
  return dirname(require.resolve('@expo-google-fonts/inter/package.json'));
}

/** The TTF bytes of one weight (read once). */
export function fontData(weight: FontWeight): Buffer {
  let data = cache.get(weight);
  if (!data) {
    data = readFileSync(join(fontDir(), FILES[weight]));
    cache.set(weight, data);
  }
  return data;
}

export const FONT_WEIGHTS = Object.keys(FILES) as FontWeight[];
