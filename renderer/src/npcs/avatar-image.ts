/** Large enough for a portrait, small enough that each saved revision stays light. */
const MAX_SIDE = 768;

/**
 * An uploaded picture as a PNG data URL, scaled down to fit MAX_SIDE. PNG because a PNG
 * card export carries the card inside the avatar; any other format would export a blank.
 */
export async function avatarFromFile(file: File): Promise<string> {
  const bitmap = await createImageBitmap(file).catch(() => {
    throw new Error(`${file.name} is not an image this browser can read.`);
  });
  const scale = Math.min(1, MAX_SIDE / Math.max(bitmap.width, bitmap.height));
  const canvas = document.createElement('canvas');
  canvas.width = Math.max(1, Math.round(bitmap.width * scale));
  canvas.height = Math.max(1, Math.round(bitmap.height * scale));
  canvas.getContext('2d')!.drawImage(bitmap, 0, 0, canvas.width, canvas.height);
  bitmap.close();
  return canvas.toDataURL('image/png');
}
