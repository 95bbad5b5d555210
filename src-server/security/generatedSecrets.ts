import crypto from 'node:crypto';
import { activationCodePattern } from '../../shared/profile/profileFormat';
import { passwordProblems } from '../../shared/profile/passwordPolicy';

const crockford = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** Uniform picks from an alphabet (rejection sampling: no modulo bias). */
function randomFrom(alphabet: string, count: number): string {
  let out = '';
  while (out.length < count) {
    for (const byte of crypto.randomBytes(count * 2)) {
      if (byte < 256 - (256 % alphabet.length) && out.length < count) out += alphabet[byte % alphabet.length];
    }
  }
  return out;
}

/** 20 Crockford base32 characters (100 bits), shown in groups of five: XXXXX-XXXXX-XXXXX-XXXXX. */
export function newActivationCode(): string {
  const raw = randomFrom(crockford, 20);
  if (!activationCodePattern.test(raw)) throw new Error('activation code alphabet drifted from the profile format');
  return raw.match(/.{5}/g)?.join('-') ?? raw;
}

// Look-alikes (0/O, 1/l/I) are left out: the password is read from a screen and typed once.
const lower = 'abcdefghijkmnpqrstuvwxyz';
const upper = 'ABCDEFGHJKLMNPQRSTUVWXYZ';
const digits = '23456789';

/**
 * A generated operator password: 16 characters in four dash-separated groups (about 90 bits),
 * always with lower case, upper case, digits and a symbol, so it satisfies the password policy.
 */
export function newOperatorPassword(username: string): string {
  for (;;) {
    const groups = Array.from({ length: 4 }, () => randomFrom(lower + upper + digits, 4));
    const password = groups.join('-');
    const classes = [lower, upper, digits].every((set) => [...password].some((char) => set.includes(char)));
    if (classes && passwordProblems(password, username).length === 0) return password;
  }
}
