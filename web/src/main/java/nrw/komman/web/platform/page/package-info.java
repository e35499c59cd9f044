/**
 * The machinery of the browser pages: the form-page flow ({@link nrw.komman.web.platform.page.FormPage}), refusals
 * on a form, German formats and amounts, the page controllers' marker and error pages, Thymeleaf's setup and the
 * start and sign-in pages.
 */
package nrw.komman.web.platform.page;
