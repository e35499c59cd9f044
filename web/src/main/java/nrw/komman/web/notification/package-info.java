/**
 * Notices (Benachrichtigungen, issue 19) as people see them: each account's inbox with its unread count in the header
 * of every page, marking as read, following a notice to its item; the account's own settings (address, language, e-mail
 * per kind of notice); the administrator's list of e-mails that could not be delivered, and retrying them. The rows
 * are written by the delivery from the command side's outbox; this feature reads them and changes only whether a
 * notice was read, the account's choices and a failed e-mail's status.
 */
package nrw.komman.web.notification;
