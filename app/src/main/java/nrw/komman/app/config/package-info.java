/**
 * Axon's wiring that properties cannot express: serializers' schema names, token store, transactions, retries, metrics, the clock.
 */
package nrw.komman.app.config;
