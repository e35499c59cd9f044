/**
 * What every feature of the web uses: the command and query dispatchers (read-your-writes), identifiers from
 * addresses, the clock of North Rhine-Westphalia, the request filters and the web module's properties.
 */
package nrw.komman.web.platform;
