/**
 * Seals secrets (a remote provider's API key) before they are written to the settings
 * file, with a key the operating system keeps: Electron's safeStorage on the desktop
 * (Keychain, DPAPI, libsecret). Browser mode has none; there the settings file is
 * readable by its owner only.
 */
export interface SecretBox {
  /** The secret sealed, as text that can go into JSON. */
  seal(plain: string): string;
  /** The secret back; throws when the text was sealed by another user or machine. */
  open(sealed: string): string;
}
