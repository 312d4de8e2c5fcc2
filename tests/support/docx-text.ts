// The text of a DOCX (its paragraphs, one a line) and the images it embeds, read from the zip as Word
// stores them, for the suites that check written documents.
import yauzl from 'yauzl';

export function docxText(docx: Buffer): Promise<{ text: string; images: string[] }> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(docx, { lazyEntries: true }, (error, zip) => {
      if (error) return reject(error);
      const images: string[] = [];
      let xml = '';
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
        resolve({
          text: xml
            .replace(/<\/w:p>/g, '\n')
            .replace(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g, '$1')
            .replace(/<[^>]+>/g, ''),
          images,
        }),
      );
      zip.readEntry();
    });
  });
}
