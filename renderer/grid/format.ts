/** The grid's cell text: shared with the export and the clipboard (shared/display.ts). */
export { formatFieldValue } from '../../shared/display';
