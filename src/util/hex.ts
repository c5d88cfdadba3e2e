/** Parses `#rrggbb` (the form every scene and colormap colour takes) into its bytes. */
export function bytesFromHex(hex: string): [number, number, number] {
  const n = Number.parseInt(hex.slice(1, 7), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}
