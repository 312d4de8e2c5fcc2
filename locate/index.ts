// locate's public face: the district and place-name search of the workbench's locate box.
export { searchPlaceNames } from './place-names';
export type { PlaceMatch } from './place-names';
