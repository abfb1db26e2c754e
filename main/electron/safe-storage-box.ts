import { safeStorage } from 'electron';
import type { SecretBox } from '../core/workspace/secret-box';

/** A SecretBox on Electron's safeStorage, when the OS offers encryption (call after the app is ready). */
export function safeStorageBox(): SecretBox | undefined {
  if (!safeStorage.isEncryptionAvailable()) return undefined;
  return {
    seal: (plain) => safeStorage.encryptString(plain).toString('base64'),
    open: (sealed) => safeStorage.decryptString(Buffer.from(sealed, 'base64')),
  };
}
