/**
 * Notices (Benachrichtigungen, issue 19): the kinds of notice the platform sends, who receives each, and the
 * choices an account has for e-mail. The outbox, the inboxes and the e-mails live in the command side
 * ({@code command.notification}) and the web ({@code web.notification}); this is their shared language.
 */
package nrw.komman.kernel.notification;
