/**
 * Notices reach people (Benachrichtigungen, issue 19), in the web role that knows the accounts. The delivery: the
 * outbox the command side writes ({@code notice_outbox}) is fanned out to each account's inbox and e-mails
 * ({@link nrw.komman.web.notification.NoticeFanOut}), e-mails are sent over SMTP with retries and a fixed Message-ID
 * ({@link nrw.komman.web.notification.NoticeMailer}), once a day as a digest for who chose it
 * ({@link nrw.komman.web.notification.NoticeDigest}); both run as recurring tasks of the database scheduler, on one
 * node at a time ({@link nrw.komman.web.notification.NoticeDeliveryConfiguration}). What people see: each account's
 * inbox with its unread count in the header of every page, marking as read, following a notice to its item; the
 * account's own settings (address, language, e-mail per kind of notice); the administrator's list of e-mails that
 * could not be delivered, and retrying them.
 */
package nrw.komman.web.notification;
