import { safeStorage } from 'electron';
import type { SecretBox } from '../core/workspace/secret-box';
import { hasKeychain } from './keychain';

/** A SecretBox on Electron's safeStorage, when the system has a keychain (call after the app is ready). */
export function safeStorageBox(): SecretBox | undefined {
  if (!hasKeychain(process.platform, safeStorage.isEncryptionAvailable(), () => safeStorage.getSelectedStorageBackend())) return undefined;
  return {
    seal: (plain) => safeStorage.encryptString(plain).toString('base64'),
    open: (sealed) => safeStorage.decryptString(Buffer.from(sealed, 'base64')),
  };
}
