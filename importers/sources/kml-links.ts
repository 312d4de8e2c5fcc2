// A KML may point at other documents: a <NetworkLink> loads one from a URL or path, and <href> inside
// Link, Url, overlays or models names a file or URL to fetch. An import reads the features of the one
// file uploaded, so any such reference refuses it; only http(s) style icons (<Icon><href>) are let
// through, as Google Earth writes them into every document and GDAL never fetches them.
import { createReadStream } from 'node:fs';
import { ImportError } from '../import-error';

interface Reference {
  element: string;
  target?: string;
}

const TAG = /<(\/?)(?:[\w.-]+:)?([\w.-]+)[^>]*?(\/?)>/g;
const MAX_LISTED = 20;

function decodeEntities(text: string): string {
  return text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');
}

/** Whether an <href> value names something outside the document. */
function isExternal(target: string, inIcon: boolean): boolean {
  if (/\/vsi/i.test(target) || /(^|[\\/])\.\.([\\/]|$)/.test(target)) return true;
  if (/^(?:[\\/]|[a-z]:[\\/])/i.test(target)) return true; // an absolute local path
  if (/^[a-z][a-z0-9+.-]*:/i.test(target)) return !(inIcon && /^https?:/i.test(target));
  return false;
}

class LinkScanner {
  readonly found: Reference[] = [];
  private iconDepth = 0;
  private href: string | undefined;

  /** Scans `text`, which ends at a tag boundary. */
  scan(text: string): void {
    let last = 0;
    for (const match of text.matchAll(TAG)) {
      if (this.href !== undefined) this.href += text.slice(last, match.index);
      last = match.index + match[0].length;
      const [, closing, rawName = '', selfClosing] = match;
      const name = rawName.toLowerCase();
      if (name === 'networklink' && !closing) this.found.push({ element: 'NetworkLink' });
      if (name === 'icon' || name === 'itemicon') {
        if (closing) this.iconDepth = Math.max(0, this.iconDepth - 1);
        else if (!selfClosing) this.iconDepth++;
      }
      if (name === 'href') {
        if (!closing && !selfClosing) this.href = '';
        else if (closing && this.href !== undefined) {
          const target = decodeEntities(this.href.replace(/<!\[CDATA\[|\]\]>/g, '')).trim();
          if (isExternal(target, this.iconDepth > 0)) this.found.push({ element: 'href', target });
          this.href = undefined;
        }
      }
    }
    if (this.href !== undefined) this.href += text.slice(last);
  }
}

export async function refuseExternalLinks(file: string, fileName: string): Promise<void> {
  const scanner = new LinkScanner();
  const decoder = new TextDecoder('utf-8');
  let carry = '';
  for await (const chunk of createReadStream(file)) {
    const text = carry + decoder.decode(chunk as Buffer, { stream: true });
    // keep an unfinished tag for the next chunk
    const open = text.lastIndexOf('<');
    const cut = open !== -1 && text.indexOf('>', open) === -1 ? open : text.length;
    scanner.scan(text.slice(0, cut));
    carry = text.slice(cut);
    if (scanner.found.length >= MAX_LISTED) break;
  }
  scanner.scan(carry + decoder.decode());
  if (scanner.found.length === 0) return;
  const found = scanner.found.slice(0, MAX_LISTED);
  const list = found.map((r) => (r.target !== undefined ? `<href>${r.target}` : `<${r.element}>`)).join(', ');
  throw new ImportError(
    'external_reference',
    `KML“${fileName}”引用了文件之外的数据（${list}），不予导入：请去掉网络链接（NetworkLink）和外部链接后重新上传 / ` +
      `the KML "${fileName}" refers to data outside the file (${list}) and was refused: remove the network links ` +
      `and external references and upload again`,
    { file: fileName, references: found },
  );
}
