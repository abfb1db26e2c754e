/**
 * Whether safeStorage really seals with a key the system keeps. On Linux without a secret
 * service (no GNOME Keyring or KWallet), Electron falls back to `basic_text`, which encrypts
 * with a password written in its own source: no better than plain text, so it counts as none.
 */
export function hasKeychain(platform: NodeJS.Platform, encryptionAvailable: boolean, linuxBackend: () => string): boolean {
  if (!encryptionAvailable) return false;
  return platform !== 'linux' || linuxBackend() !== 'basic_text';
}
