import { hash, verify } from '@node-rs/argon2';

// argon2id at the OWASP minimum (m=19 MiB, t=2, p=1): ~25 ms a hash on this machine class.
const OPTIONS = { memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS);
}

export async function verifyPassword(stored: string | null, password: string): Promise<boolean> {
  // Unknown accounts still pay for one verification, so timing does not tell whether an account exists.
  dummy ??= hash('koers-dummy-password', OPTIONS);
  const target = stored ?? (await dummy);
  try {
    const ok = await verify(target, password);
    return ok && stored != null;
  } catch {
    return false;
  }
}

let dummy: Promise<string> | null = null;
