/** A handset's number: `+61412000001` for 1. */
export function handset(index: number): string {
  return `+614120${String(index).padStart(5, '0')}`;
}
