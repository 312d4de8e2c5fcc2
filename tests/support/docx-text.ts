// The document XML of a DOCX and the images it embeds, read from the zip as Word stores them, and its text
// (its paragraphs, one a line), for the suites that check written documents.
import yauzl from 'yauzl';

export function docxParts(docx: Buffer): Promise<{ xml: string; images: string[] }> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(docx, { lazyEntries: true }, (error, zip) => {
      if (error) return reject(error);
      const images: string[] = [];
      let xml: string | undefined;
      zip.on('entry', (entry: yauzl.Entry) => {
        if (entry.fileName.startsWith('word/media/')) images.push(entry.fileName);
        if (entry.fileName !== 'word/document.xml') return zip.readEntry();
        zip.openReadStream(entry, (streamError, stream) => {
          if (streamError) return reject(streamError);
          const chunks: Buffer[] = [];
          stream.on('data', (c: Buffer) => chunks.push(c));
          stream.on('end', () => {
            xml = Buffer.concat(chunks).toString('utf8');
            zip.readEntry();
          });
        });
      });
      zip.on('end', () =>
        xml === undefined ? reject(new Error('no word/document.xml')) : resolve({ xml, images }),
      );
      zip.readEntry();
    });
  });
}

/** The text of a Word document's runs, paragraphs on their own lines. */
export function wordText(xml: string): string {
  return xml
    .replace(/<\/w:p>/g, '\n')
    .replace(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g, '$1')
    .replace(/<[^>]+>/g, '');
}

export async function docxText(docx: Buffer): Promise<{ text: string; images: string[] }> {
  const { xml, images } = await docxParts(docx);
  return { text: wordText(xml), images };
}
