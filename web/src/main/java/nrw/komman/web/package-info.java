/**
 * The web module: the browser pages (German, server-rendered) and the JSON API over the command and query
 * gateways, one package per feature and one platform package that all features use.
 */
package nrw.komman.web;
