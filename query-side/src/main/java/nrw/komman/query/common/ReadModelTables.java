package nrw.komman.query.common;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The tables a projection writes, and only it. A rebuild without downtime (ADR 11) builds a fresh
 * copy of exactly these tables from the whole history while the current ones keep answering, and
 * then swaps them in; a projection's SQL names the current tables and is pointed at the copies
 * during the rebuild. A projection may read other read models' tables, but never write them.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface ReadModelTables {

    /** Table names as the projection's SQL spells them (lower case). */
    String[] value();
}
