/**
 * Notices reach people (issue 19), in the web role that knows the accounts: the outbox the command side writes
 * ({@code notice_outbox}) is fanned out to each account's inbox and e-mails ({@link nrw.komman.web.notification.NoticeFanOut}),
 * e-mails are sent over SMTP with retries and a fixed Message-ID ({@link nrw.komman.web.notification.NoticeMailer}),
 * once a day as a digest for who chose it ({@link nrw.komman.web.notification.NoticeDigest}); both run as recurring
 * tasks of the database scheduler, on one node at a time ({@link nrw.komman.web.notification.NoticeDeliveryConfiguration}).
 */
package nrw.komman.web.notification;
