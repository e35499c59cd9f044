/**
 * The transactional outbox of notices (issue 19): {@link nrw.komman.command.notification.NoticeOutbox} turns the
 * events that someone must hear of into rows of {@code notice_outbox} (V43), in the transaction that stores the
 * event, so a notice exists if and only if its fact does. The web role fans them out to inboxes and e-mails
 * ({@code web.notification}). Notices carry ids, codes, dates, amounts and grant titles, never a volunteer's
 * personal data.
 */
package nrw.komman.command.notification;
