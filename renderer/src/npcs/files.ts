/** Reads a file the creator picked as base64, the form the contract carries bytes in. */
export function readFileAsBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ''));
    reader.onerror = () => reject(reader.error ?? new Error(`Could not read ${file.name}`));
    reader.readAsDataURL(file);
  });
}

/** Saves base64 bytes as a download, through a Blob URL (the renderer has no file system). */
export function downloadBase64(fileName: string, mimeType: string, data: string): void {
  const bytes = Uint8Array.from(atob(data), (c) => c.charCodeAt(0));
  const url = URL.createObjectURL(new Blob([bytes], { type: mimeType }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
  // Revoked later, not at once: the browser reads the Blob after the click returns.
  window.setTimeout(() => URL.revokeObjectURL(url), 30_000);
}
