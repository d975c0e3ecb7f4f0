import type { SmppPackage } from 'smpp';
import { SmsError } from '../../src/errors/sms-error.js';

let loading: Promise<SmppPackage> | null = null;

/** The `smpp` package, loaded on first use; an error naming the package when it is not installed. */
export function loadSmpp(): Promise<SmppPackage> {
  loading ??= import('smpp').then(
    (module) => module.default,
    (error: unknown) => {
      loading = null;
      throw new SmsError('dependency.missing', 'createSmppCarrier needs the package "smpp": npm install smpp', { cause: error });
    },
  );
  return loading;
}
