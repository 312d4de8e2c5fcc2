// A raster upload must really be a TIFF (classic or BigTIFF, either byte order) before GDAL sees it: a
// ".tif" holding VRT XML would otherwise be opened as a VRT reading any file or URL its XML names.
import { open } from 'node:fs/promises';
import { ImportError } from '../import-error';

const SIGNATURES = [
  Buffer.from([0x49, 0x49, 0x2a, 0x00]), // II*\0  little-endian TIFF
  Buffer.from([0x4d, 0x4d, 0x00, 0x2a]), // MM\0*  big-endian TIFF
  Buffer.from([0x49, 0x49, 0x2b, 0x00]), // II+\0  little-endian BigTIFF
  Buffer.from([0x4d, 0x4d, 0x00, 0x2b]), // MM\0+  big-endian BigTIFF
];

export async function requireTiff(file: string, fileName: string): Promise<void> {
  const handle = await open(file, 'r');
  const head = Buffer.alloc(4);
  try {
    await handle.read(head, 0, 4, 0);
  } finally {
    await handle.close();
  }
  if (!SIGNATURES.some((signature) => signature.equals(head))) {
    throw new ImportError(
      'not_geotiff',
      `文件“${fileName}”不是GeoTIFF（文件头不是TIFF格式），不予导入：请上传真正的GeoTIFF影像 / ` +
        `"${fileName}" is not a GeoTIFF (its header is not a TIFF header) and was refused: upload a real GeoTIFF`,
      { file: fileName },
    );
  }
}
