/** The largest picture file the operator may choose (a camera photo); it is scaled down before storing. */
export const maxPhotoFileBytes = 20 * 1024 * 1024;
const longSide = 1200;

export type PhotoProblem = { problem: 'tooLarge'; sizeMb: string } | { problem: 'notImage' };

/**
 * Turns a chosen file into a stored-size JPEG (long side ≤ 1200 px): decoding it also proves it is
 * a picture. Nothing is written to disk; the bytes go to the encrypted cache through the API.
 */
export async function preparePhoto(file: File): Promise<{ mimeType: 'image/jpeg'; base64: string } | PhotoProblem> {
  if (file.size > maxPhotoFileBytes) return { problem: 'tooLarge', sizeMb: (file.size / 1024 / 1024).toFixed(1) };
  let bitmap: ImageBitmap;
  try {
    bitmap = await createImageBitmap(file);
  } catch {
    return { problem: 'notImage' };
  }
  const scale = Math.min(1, longSide / Math.max(bitmap.width, bitmap.height));
  const canvas = document.createElement('canvas');
  canvas.width = Math.max(1, Math.round(bitmap.width * scale));
  canvas.height = Math.max(1, Math.round(bitmap.height * scale));
  canvas.getContext('2d')?.drawImage(bitmap, 0, 0, canvas.width, canvas.height);
  bitmap.close();
  const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/jpeg', 0.85));
  if (!blob) return { problem: 'notImage' };
  const bytes = new Uint8Array(await blob.arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return { mimeType: 'image/jpeg', base64: btoa(binary) };
}
