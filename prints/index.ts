// prints' public face: the map print as a PDF page.
export { PAPER_SIZES, printPdf } from './print-pdf';
export type { LegendEntry, PaperSize, PrintRequest } from './print-pdf';
export { lengthLabel, printScale, roundLength } from './nice-scale';
export type { PrintScale } from './nice-scale';
