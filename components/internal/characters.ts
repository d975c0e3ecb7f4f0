/** Characters that show nothing, or move or join their neighbours: spaces, controls, format marks, combining marks. */
const INVISIBLE = /^[\p{White_Space}\p{Cc}\p{Cf}\p{Co}\p{Cn}\p{Cs}\p{Mn}\p{Me}]$/u;

export interface CharacterDisplay {
  /** The code point as `U+00A0` (4 to 6 hex digits). */
  code: string;
  /** True when the character cannot be shown as itself: show `code` alone. */
  invisible: boolean;
}

/**
 * How to show one character safely in a list of characters: its code point, and whether it is invisible (a space,
 * a control or format character such as a bidi override, a lone surrogate, a combining mark).
 *
 * @example
 * displayCharacter('\u00a0') // { code: 'U+00A0', invisible: true }
 * displayCharacter('’')      // { code: 'U+2019', invisible: false }
 */
export function displayCharacter(char: string): CharacterDisplay {
  const point = char.codePointAt(0) ?? 0;
  return {
    code: `U+${point.toString(16).toUpperCase().padStart(4, '0')}`,
    invisible: INVISIBLE.test(char),
  };
}
