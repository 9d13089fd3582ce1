/** Class names joined with spaces, the falsy ones left out: cx('button', primary && 'button--primary'). */
export function cx(...names: (string | false | 0 | null | undefined)[]): string {
  return names.filter(Boolean).join(' ');
}
