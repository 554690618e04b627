/** A share 0..1 as one of eleven colour steps (`heat--0` … `heat--10`), or `heat--none` without a share. */
export function heatClass(share: number | null | undefined): string {
  if (share === null || share === undefined || Number.isNaN(share)) return 'heat--none';
  return `heat--${Math.max(0, Math.min(10, Math.round(share * 10)))}`;
}
