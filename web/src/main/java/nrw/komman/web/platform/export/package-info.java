/**
 * What the downloadable files share: PDF fonts, a small XLSX writer and the German wording of the exports.
 */
package nrw.komman.web.platform.export;
